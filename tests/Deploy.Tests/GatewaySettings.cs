using System.Globalization;
using System.Text.Json;

namespace RedesPlataforma.Deploy.Tests;

/// <summary>What gateway/appsettings.json asks of a deployment: a Services:&lt;Name&gt; URL per cluster, and bodies up to its largest limit.</summary>
public static class GatewaySettings
{
    private static readonly JsonElement Settings =
        JsonDocument.Parse(File.ReadAllText(Repository.PathOf("gateway", "appsettings.json"))).RootElement;

    /// <summary>The YARP clusters; each gets its destination from Services:&lt;Name&gt; (Proxy/ServiceDestinationsConfigFilter).</summary>
    public static IReadOnlyList<string> Clusters { get; } =
        [.. Settings.GetProperty("ReverseProxy").GetProperty("Clusters").EnumerateObject().Select(c => c.Name)];

    /// <summary>The largest request body any route accepts: Http:MaxRequestBodyBytes, or a route's own MaxRequestBodyBytes metadata.</summary>
    public static long LargestRequestBodyBytes { get; } =
        Settings.GetProperty("ReverseProxy").GetProperty("Routes").EnumerateObject()
            .Select(route => route.Value.TryGetProperty("Metadata", out var metadata) && metadata.TryGetProperty("MaxRequestBodyBytes", out var limit)
                ? long.Parse(limit.GetString()!, CultureInfo.InvariantCulture)
                : 0)
            .Append(Settings.GetProperty("Http").GetProperty("MaxRequestBodyBytes").GetInt64())
            .Max();
}
