using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RedesPlataforma.Gateway.Health;

/// <summary>Ready means a downstream service answers its own /health/live (its base URL from Services:{name}).</summary>
public sealed class ServiceLivenessCheck(string service, IHttpClientFactory httpClients, IConfiguration configuration) : IHealthCheck
{
    public const string HttpClientName = "health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(configuration[$"Services:{service}"], UriKind.Absolute, out var baseUrl))
            return HealthCheckResult.Unhealthy($"Services:{service} is not configured.");

        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).GetAsync(new Uri($"{baseUrl.ToString().TrimEnd('/')}/health/live"), cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{service} answered {(int)response.StatusCode}.");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{service} is not reachable.", ex);
        }
    }
}

public static class ServiceReadinessExtensions
{
    /// <summary>Adds a "ready"-tagged check (what /health/ready runs) that the named service is reachable.</summary>
    public static IHostApplicationBuilder AddServiceReadiness(this IHostApplicationBuilder builder, string service)
    {
        builder.Services.AddHttpClient(ServiceLivenessCheck.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(3));
        builder.Services.AddHealthChecks().AddTypeActivatedCheck<ServiceLivenessCheck>(
            service.ToLowerInvariant(), failureStatus: HealthStatus.Unhealthy, tags: ["ready"], args: service);
        return builder;
    }
}
