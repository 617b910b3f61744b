using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RedesPlataforma.Tenants.Identity.Portal;

/// <summary>
/// At start-up: the portal's backend-for-frontend (the gateway) is registered as the public client
/// <see cref="ClientId"/>, allowed the authorization code flow with PKCE and refresh tokens, and only the redirect URIs
/// in Identity:Portal:RedirectUris. Re-running updates the registration, so a changed URI list takes effect on restart.
/// </summary>
public sealed class PortalClient(IServiceProvider services, IConfiguration configuration, ILogger<PortalClient> logger) : IHostedService
{
    public const string ClientId = "redes-portal";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var redirectUris = configuration.GetSection("Identity:Portal:RedirectUris").Get<string[]>() ?? [];
        if (redirectUris.Length == 0) logger.LogWarning("Identity:Portal:RedirectUris is empty: the portal cannot sign anyone in");

        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var descriptor = Describe(redirectUris);
        if (await applications.FindByClientIdAsync(ClientId, cancellationToken) is { } existing)
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        else
            await applications.CreateAsync(descriptor, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static OpenIddictApplicationDescriptor Describe(IEnumerable<string> redirectUris)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientType = ClientTypes.Public,
            // The portal's users sign in to the platform itself: there is no third party to ask consent for.
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Portal RedesPlataforma",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Prefixes.Scope + Scopes.OfflineAccess,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in redirectUris) descriptor.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
        return descriptor;
    }
}
