using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration.Memory;
using RedesPlataforma.BuildingBlocks.ServiceDefaults;
using RedesPlataforma.Gateway.Forwarding;
using RedesPlataforma.Gateway.Health;
using RedesPlataforma.Gateway.Overload;
using RedesPlataforma.Gateway.Proxy;
using RedesPlataforma.Gateway.RateLimiting;

namespace RedesPlataforma.Gateway.Extensions;

public static class GatewayExtensions
{
    /// <summary>A service's own limit: a larger body would be forwarded only for the service to hang up on it, which the
    /// client saw as a 502. Routes taking files (evidence 5 MB, the producer import 50 MB) raise it through their
    /// MaxRequestBodyBytes metadata, to the limit of the service's endpoint.</summary>
    public const long DefaultMaxRequestBodyBytes = RequestBodyLimitMiddleware.DefaultMaxRequestBodyBytes;

    public static IHostApplicationBuilder AddGatewayServices(this IHostApplicationBuilder builder)
    {
        builder.AddGatewayDefaults();
        builder.AddGatewayProxy();
        builder.AddTenantRateLimiting();
        builder.AddOverloadShedding();
        builder.AddRequestBodyLimit();
        builder.AddForwardedHeaders();
        builder.AddServiceReadiness("Tenants");
        return builder;
    }

    /// <summary>Defaults under every other source, so appsettings, environment and tests still win.
    /// The building blocks' RequestBodyLimitMiddleware reads the same key.</summary>
    private static void AddGatewayDefaults(this IHostApplicationBuilder builder) =>
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Http:MaxRequestBodyBytes"] = DefaultMaxRequestBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        });

    /// <summary>Kestrel refuses streamed (chunked) bodies beyond the same limit the middleware checks on Content-Length.</summary>
    private static void AddRequestBodyLimit(this IHostApplicationBuilder builder) =>
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IConfiguration>((kestrel, configuration) =>
            kestrel.Limits.MaxRequestBodySize = configuration.GetValue<long?>("Http:MaxRequestBodyBytes") ?? DefaultMaxRequestBodyBytes);
}
