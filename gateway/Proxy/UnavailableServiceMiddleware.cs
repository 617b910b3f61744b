using Yarp.ReverseProxy.Model;

namespace RedesPlataforma.Gateway.Proxy;

/// <summary>
/// Step of the YARP pipeline: a route whose cluster has no destination (its Services:{name} URL is not set, the
/// service is not deployed yet) gets a 503 problem instead of YARP's empty 503.
/// </summary>
public static class UnavailableServiceMiddleware
{
    public static async Task RefuseUnconfiguredClusters(HttpContext context, RequestDelegate next)
    {
        var proxy = context.GetReverseProxyFeature();
        if (proxy.AllDestinations.Count > 0)
        {
            await next(context);
            return;
        }

        var service = proxy.Cluster.Config.ClusterId;
        await Results.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Service not available yet / Servicio aún no disponible",
            detail: $"The '{service}' service is not available yet in this environment. / El servicio '{service}' aún no está disponible en este entorno.",
            extensions: new Dictionary<string, object?> { ["service"] = service }).ExecuteAsync(context);
    }
}
