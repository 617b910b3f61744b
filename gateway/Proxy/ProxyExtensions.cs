using Microsoft.AspNetCore.Mvc;
using RedesPlataforma.Gateway.Bff;
using RedesPlataforma.Gateway.Overload;
using Yarp.ReverseProxy.Transforms;

namespace RedesPlataforma.Gateway.Proxy;

public static class ProxyExtensions
{
    /// <summary>Headers a client could use to pick a tenant; only the token's claim chooses it, so they never reach a service.</summary>
    public static readonly IReadOnlyList<string> ClientTenantHeaders = ["X-Tenant-Id", "X-Tenant", "TenantId", "X-Tenant-Slug"];

    /// <summary>
    /// YARP with routes and clusters from the ReverseProxy section and destinations from Services:*.
    /// Every route drops client tenant headers, RFC 7239 Forwarded and the portal's session cookie; YARP's default X-Forwarded-* transform
    /// ("Set") replaces whatever X-Forwarded-* the client sent with what the gateway saw.
    /// </summary>
    public static IHostApplicationBuilder AddGatewayProxy(this IHostApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddConfigFilter<ServiceDestinationsConfigFilter>()
            .AddTransforms(context =>
            {
                foreach (var header in ClientTenantHeaders) context.AddRequestHeaderRemove(header);
                context.AddRequestHeaderRemove("Forwarded");
                context.AddRequestTransform(transform =>
                {
                    PortalSession.RemoveFrom(transform.ProxyRequest.Headers);
                    return ValueTask.CompletedTask;
                });
            });
        return builder;
    }

    /// <summary>Route metadata key: the body limit of that route in bytes, above Http:MaxRequestBodyBytes (file uploads).</summary>
    public const string MaxRequestBodyBytesMetadata = "MaxRequestBodyBytes";

    public static WebApplication MapGatewayProxy(this WebApplication app)
    {
        var shedding = app.Services.GetRequiredService<OverloadShedding>();
        app.MapReverseProxy(proxy =>
        {
            proxy.Use(UnavailableServiceMiddleware.RefuseUnconfiguredClusters);
            proxy.Use(StreamedBodyMiddleware.ReadToTheEndFirst);
            proxy.Use(shedding.TakeTurn);
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        }).ConfigureEndpoints((endpoint, route) =>
        {
            // The building blocks' RequestBodyLimitMiddleware reads this metadata, as it does a service endpoint's.
            if (route.Metadata?.GetValueOrDefault(MaxRequestBodyBytesMetadata) is { } limit)
                endpoint.WithMetadata(new RequestSizeLimitAttribute(long.Parse(limit, System.Globalization.CultureInfo.InvariantCulture)));
        });
        return app;
    }
}
