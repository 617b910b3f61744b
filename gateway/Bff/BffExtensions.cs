using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RedesPlataforma.Gateway.Bff;

public static class BffExtensions
{
    /// <summary>Every replica must read every other replica's cookies: one key ring and one application name.</summary>
    public const string DataProtectionApplicationName = "RedesPlataforma.Gateway";

    /// <summary>
    /// The portal's backend-for-frontend: data-protection keys in DataProtection:KeysFolder (default .keys under the
    /// content root; a volume shared by every replica in production), the session cookie, the flow cookie, and the
    /// server-to-server client of the token server at Services:Tenants.
    /// </summary>
    public static IHostApplicationBuilder AddBff(this IHostApplicationBuilder builder)
    {
        var keysFolder = builder.Configuration["DataProtection:KeysFolder"] is { Length: > 0 } folder
            ? folder
            : Path.Combine(builder.Environment.ContentRootPath, ".keys");
        builder.Services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(keysFolder));

        builder.Services.AddAuthentication().AddPortalSessionCookie();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<LoginFlows>();
        builder.Services.AddSingleton<SessionRefresher>();
        builder.Services.AddHttpClient<TokenServerClient>((services, client) =>
        {
            var tenants = services.GetRequiredService<IConfiguration>()["Services:Tenants"];
            if (string.IsNullOrWhiteSpace(tenants)) throw new InvalidOperationException("Services:Tenants is not configured: the portal cannot sign in.");
            client.BaseAddress = new Uri(tenants.TrimEnd('/') + "/");
            client.Timeout = TimeSpan.FromSeconds(10);
        });
        return builder;
    }

    public static WebApplication UsePortalSessions(this WebApplication app)
    {
        app.UseMiddleware<SessionMiddleware>();
        return app;
    }
}
