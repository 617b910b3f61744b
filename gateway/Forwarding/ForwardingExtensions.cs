using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace RedesPlataforma.Gateway.Forwarding;

/// <summary>
/// Section <c>ForwardedHeaders</c>: the proxies in front of the gateway (an ingress controller, a load balancer) whose
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed. Without it every client behind an ingress would
/// share the ingress's address, and so one anonymous rate-limit bucket; with it, a client that connects directly
/// cannot choose its address by sending the header. Empty lists keep ASP.NET Core's default: loopback only.
/// </summary>
public sealed class ForwardingSettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.12</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. the ingress controller's pod range <c>10.244.0.0/16</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];
}

public static class ForwardingExtensions
{
    public static IHostApplicationBuilder AddForwardedHeaders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ForwardingSettings>().BindConfiguration(ForwardingSettings.Section);
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardingSettings>>((options, configured) =>
        {
            var settings = configured.Value;
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in settings.KnownProxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in settings.KnownNetworks) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return builder;
    }

    /// <summary>First, so rate limiting, logs and the proxied X-Forwarded-For all see the client's address.</summary>
    public static WebApplication UseForwardedClientAddress(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }
}
