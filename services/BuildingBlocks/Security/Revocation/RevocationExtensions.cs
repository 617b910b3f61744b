using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace RedesPlataforma.BuildingBlocks.Security.Revocation;

/// <summary>How long a revocation matters (an access token's life) and how often each instance re-reads the table.</summary>
public sealed record RevocationOptions(TimeSpan AccessTokenLifetime, TimeSpan PollInterval, TimeSpan ClockSkew);

public static class RevocationExtensions
{
    /// <summary>
    /// The revocation list of this instance, kept from the service's <c>access_revocations</c> table (the DbContext
    /// calls <see cref="AccessRevocationModel.AddAccessRevocations"/>; the table is fed by
    /// <see cref="UserAccessRevokedConsumer"/>, or by the Tenants service itself). Token validation consults it, and
    /// readiness waits for its first read. See docs/decisions/0017.
    /// </summary>
    public static IHostApplicationBuilder AddAccessRevocation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            return new RevocationOptions(
                configuration.GetValue<TimeSpan?>("Identity:AccessTokenLifetime") ?? TimeSpan.FromMinutes(15),
                configuration.GetValue<TimeSpan?>("Identity:RevocationPollInterval") ?? TimeSpan.FromSeconds(1),
                JwtAuthenticationExtensions.ClockSkew);
        });
        builder.Services.AddSingleton<RevocationList>();
        builder.Services.AddHostedService<RevocationRefresher>();
        builder.Services.AddHealthChecks().AddCheck<RevocationListLoaded>("revocations", tags: ["ready"]);
        return builder;
    }

    public static IBusRegistrationConfigurator AddAccessRevocationConsumer(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<UserAccessRevokedConsumer>();
        return bus;
    }

    private sealed class RevocationListLoaded(RevocationList list) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(list.Loaded ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The access revocations have not been read yet."));
    }
}
