using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace RedesPlataforma.BuildingBlocks.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ (durable queues, publisher confirms, retries, _error queues), the tenant header
    /// filters, the inbox on every consumer, the outbox dispatcher for <typeparamref name="TDb"/> and the retention of both tables.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging<TDb>(
        this IHostApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? addConsumers = null)
        where TDb : DbContext
    {
        // Read when first resolved, so hosts and tests can still change configuration after this call.
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Messaging").Get<MessagingOptions>() ?? new MessagingOptions());
        builder.Services.AddScoped(sp => new MessagingDb(sp.GetRequiredService<TDb>()));

        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit otherwise posts usage data to its vendor's server from every process (a DNS lookup and a failed
            // call logged as a warning where there is no internet); the platform sends nothing it was not asked to.
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            addConsumers?.Invoke(bus);
            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                if (context.GetRequiredService<MessagingOptions>().QuorumQueues && endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                    rabbit.SetQuorumQueue();
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var options = context.GetRequiredService<MessagingOptions>();
                rabbit.Host(options.Host, options.Port, options.VirtualHost, host =>
                {
                    host.Username(options.Username);
                    host.Password(options.Password);
                    host.PublisherConfirmation = true;
                });
                // Redelivery through the broker needs the delayed-exchange plugin, which Debian does not ship;
                // retries back off in-process instead, then the message goes to the endpoint's _error queue.
                // Each attempt gets a new DI scope, so a new DbContext and inbox transaction: this retry sits in the message
                // type's pipe, ahead of the consumer's scoped filters below, and the first of those creates the scope when the
                // attempt's context carries none. Nothing that creates a scope (UseMessageScope) may go before the retry, or
                // every attempt would share the failed one's DbContext (BuildingBlocks.Tests.MessageRetryScopeTests).
                rabbit.UseMessageRetry(retry => retry.Exponential(6, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(300)));
                rabbit.UsePublishFilter(typeof(TenantPublishFilter<>), context);
                rabbit.UseConsumeFilter(typeof(TenantConsumeFilter<>), context);
                rabbit.UseConsumeFilter(typeof(InboxFilter<>), context);
                rabbit.ConfigureEndpoints(context);
            });
        });
        builder.Services.AddHostedService<OutboxDispatcher>();
        builder.Services.AddSingleton<MessageRetention>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MessageRetention>());
        return builder;
    }
}
