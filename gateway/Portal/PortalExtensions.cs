using Microsoft.Extensions.FileProviders;

namespace RedesPlataforma.Gateway.Portal;

public static class PortalExtensions
{
    /// <summary>
    /// The web portal (a static build of portal/) from <c>Portal:Root</c>: a folder, absolute or relative to the content
    /// root; <c>wwwroot</c> when unset (where a container image puts the build). Served anonymously before
    /// authentication: the page itself is public, and its API calls go through the session the gateway keeps.
    /// </summary>
    public static WebApplication UsePortal(this WebApplication app)
    {
        var root = Path.GetFullPath(app.Configuration["Portal:Root"] is { Length: > 0 } configured ? configured : "wwwroot", app.Environment.ContentRootPath);
        if (!Directory.Exists(root))
        {
            app.Logger.LogWarning("The portal's build folder {PortalRoot} does not exist; the gateway serves the API only", root);
            return app;
        }

        var portal = new PortalFiles(new PhysicalFileProvider(root));
        app.Use(async (context, next) =>
        {
            if (portal.Resolve(context.Request) is { } file) await file.ExecuteAsync(context);
            else await next(context);
        });
        return app;
    }
}
