using System.Globalization;
using Scalar.AspNetCore;

namespace RedesPlataforma.Gateway.ApiReference;

public static class ApiReferenceExtensions
{
    /// <summary>
    /// One Scalar page at /scalar with a document per service (every cluster of the ReverseProxy section), each read
    /// from the gateway's /openapi/{service}.json route. Everything is served from the package's embedded bundle:
    /// no CDN fonts, telemetry, AI agent, MCP or developer toolbar; the inline bootstrap script carries a per-request CSP nonce.
    /// Services that have a URL in Services:* come first; the first is shown on opening.
    /// </summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        var services = app.Configuration.GetSection("ReverseProxy:Clusters").GetChildren().Select(c => c.Key)
            .OrderBy(service => string.IsNullOrWhiteSpace(app.Configuration[$"Services:{service}"]))
            .ToList();

        app.MapScalarApiReference("/scalar", options =>
        {
            options.WithTitle("RedesPlataforma API")
                .WithNonce()
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .HideDeveloperTools()
                .AddServer("/", "Gateway")          // "try it" goes through the gateway, not to a service's own port
                .WithDynamicBaseServerUrl(true);
            foreach (var service in services)
                options.AddDocument(service, Title(service), $"/openapi/{service}.json", isDefault: service == services[0]);
        }).AllowAnonymous();
        return app;
    }

    private static string Title(string service) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(service);
}
