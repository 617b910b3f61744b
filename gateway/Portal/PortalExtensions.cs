namespace RedesPlataforma.Gateway.Portal;

public static class PortalExtensions
{
    /// <summary>The web portal's static files from wwwroot (index.html, css/, js/ modules; no build step), served
    /// anonymously before authentication runs: the page itself is public, its API calls carry the signed-in user's token.</summary>
    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }
}
