using Yarp.ReverseProxy.Configuration;

namespace RedesPlataforma.Gateway.Proxy;

/// <summary>
/// Routes and clusters come from the ReverseProxy section; a cluster's destination comes from Services:{clusterId}
/// (one base URL per service). A cluster whose service is not configured keeps no destination and is answered with
/// a 503 problem by <see cref="UnavailableServiceMiddleware"/>. A route that names no authorization policy requires
/// an authenticated user: the gateway fails closed.
/// </summary>
public sealed class ServiceDestinationsConfigFilter(IConfiguration configuration) : IProxyConfigFilter
{
    public const string DefaultPolicy = "Default";

    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel)
    {
        var url = configuration[$"Services:{cluster.ClusterId}"];
        if (string.IsNullOrWhiteSpace(url)) return ValueTask.FromResult(cluster);

        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"Services:{cluster.ClusterId} must be an absolute http(s) URL, not '{url}'.");

        return ValueTask.FromResult(cluster with
        {
            Destinations = new Dictionary<string, DestinationConfig>(StringComparer.OrdinalIgnoreCase)
            {
                [cluster.ClusterId] = new() { Address = address.ToString() },
            },
        });
    }

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) =>
        ValueTask.FromResult(string.IsNullOrWhiteSpace(route.AuthorizationPolicy) ? route with { AuthorizationPolicy = DefaultPolicy } : route);
}
