using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace RedesPlataforma.Tenants.Accounts;

/// <summary>
/// Puts the user's language into every access token as the standard <c>locale</c> claim, whatever the grant, so services
/// and the portal's backend know it without asking. A sign-in step of the token server rather than a line in the token
/// endpoint: every flow that signs in passes here. A change of language shows in the next token (at the latest, the
/// next refresh).
/// </summary>
public sealed class LocaleClaim(UserManager<AppUser> users) : IOpenIddictServerHandler<ProcessSignInContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
        .UseScopedHandler<LocaleClaim>()
        // Before the access token's principal is cut from the sign-in's by the claims' destinations.
        .SetOrder(OpenIddictServerHandlers.PrepareAccessTokenPrincipal.Descriptor.Order - 1_000)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public async ValueTask HandleAsync(ProcessSignInContext context)
    {
        if (context.Principal?.GetClaim(Claims.Subject) is not { } subject || await users.FindByIdAsync(subject) is not { } user) return;
        context.Principal.SetClaim(Claims.Locale, user.Language);
        context.Principal.SetDestinations(context.Principal.GetDestinations().SetItem(Claims.Locale, [Destinations.AccessToken]));
    }
}
