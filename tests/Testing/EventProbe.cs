using System.Collections.Concurrent;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.Persistence;

namespace RedesPlataforma.Testing;

public sealed class ProbeDb(DbContextOptions<ProbeDb> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}

/// <summary>A consumed message with the headers the platform's filters and outbox set.</summary>
public sealed record ReceivedMessage(Guid MessageId, object Message, string? TenantHeader, long? OutboxSequence = null);

/// <summary>
/// A consumer service in miniature, built from the same building blocks as the real ones (MassTransit over the
/// test's virtual host, tenant filter, inbox on its own database), that records every message its consumers run for.
/// </summary>
public sealed class EventProbe : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly TestDatabase _database;

    private EventProbe(IHost host, TestDatabase database) => (_host, _database) = (host, database);

    public ConcurrentQueue<ReceivedMessage> Received => _host.Services.GetRequiredService<ConcurrentQueue<ReceivedMessage>>();

    public static async Task<EventProbe> StartAsync(TestVirtualHost broker, params Type[] messageTypes)
    {
        var database = await TestDatabase.CreateAsync("probe");
        await using (var owner = new ProbeDb(new DbContextOptionsBuilder<ProbeDb>().UseServiceConventionsFor(database.OwnerConnectionString).Options))
            await owner.Database.EnsureCreatedAsync();

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:Database", database.AppConnectionString), .. broker.Settings()]);
        builder.Services.AddSingleton(new ConcurrentQueue<ReceivedMessage>());
        builder.AddServiceDatabase<ProbeDb>();
        builder.AddMessaging<ProbeDb>("probe", bus =>
        {
            foreach (var type in messageTypes)
                bus.AddConsumer(typeof(RecordingConsumer<>).MakeGenericType(type)).Endpoint(e => e.Name = $"probe-{type.Name}");
        });
        var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        return new EventProbe(host, database);
    }

    public IReadOnlyList<(ReceivedMessage Envelope, T Message)> Of<T>() =>
        [.. Received.Where(r => r.Message is T).Select(r => (r, (T)r.Message))];

    public async Task WaitUntilAsync(Func<EventProbe, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(this))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited {timeout} for {what}; received {Received.Count} messages.");
            await Task.Delay(100);
        }
    }

    /// <summary>Publishes a message again with its original MessageId, as a broker redelivery or a retried outbox would.</summary>
    public Task RepublishAsync(ReceivedMessage received) => PublishAsync(received.Message, received.MessageId, received.TenantHeader, received.OutboxSequence);

    /// <summary>
    /// Publishes a message as a service's outbox dispatcher would: with this MessageId, the tenant header and, when
    /// given, the outbox sequence header, so tests can replay duplicates and deliver an entity's events out of order.
    /// </summary>
    public Task PublishAsync(object message, Guid messageId, string? tenantHeader, long? outboxSequence = null) =>
        _host.Services.GetRequiredService<IBus>().Publish(message, message.GetType(), context =>
        {
            context.MessageId = messageId;
            if (tenantHeader is not null) context.Headers.Set(PlatformMessageHeaders.TenantId, tenantHeader);
            if (outboxSequence is not null) context.Headers.Set(PlatformMessageHeaders.OutboxSequence, outboxSequence.Value);
        });

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _database.DisposeAsync();
    }

    private sealed class RecordingConsumer<T>(ConcurrentQueue<ReceivedMessage> received) : IConsumer<T> where T : class
    {
        public Task Consume(ConsumeContext<T> context)
        {
            received.Enqueue(new ReceivedMessage(context.MessageId!.Value, context.Message, context.Headers.Get<string>(PlatformMessageHeaders.TenantId),
                context.OutboxSequence()));
            return Task.CompletedTask;
        }
    }
}
