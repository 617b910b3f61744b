namespace RedesPlataforma.Gateway.Portal;

public static class PortalExtensions
{
    /// <summary>The web portal's static files from wwwroot, served anonymously before authentication runs
    /// (today a placeholder index.html; the portal's API calls still need a token).</summary>
    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }
}
