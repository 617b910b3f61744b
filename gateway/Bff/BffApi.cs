using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using RedesPlataforma.BuildingBlocks.Security;

namespace RedesPlataforma.Gateway.Bff;

public sealed record BffUser(Guid Id, string Name, string Email, IReadOnlyList<string> Roles, BffTenant? Tenant, string Language);

public sealed record BffTenant(Guid Id, string Slug, string Name);

/// <summary>
/// The portal's sign-in endpoints. The browser only ever holds the session cookie; codes are redeemed, tokens
/// refreshed and revoked by the gateway itself.
/// </summary>
public static class BffApi
{
    public const string CallbackPath = "/bff/callback";
    public const string FailedSignIn = "/?signin=failed";
    private const string DefaultLanguage = "es";

    public static RouteGroupBuilder MapBffApi(this IEndpointRouteBuilder app)
    {
        var bff = app.MapGroup("bff").AllowAnonymous().WithTags("Portal session");
        bff.MapGet("/login", Login);
        bff.MapGet("/callback", Callback);
        bff.MapGet("/user", CurrentUser);
        bff.MapPost("/logout", Logout);
        return bff;
    }

    static RedirectHttpResult Login(HttpContext context, LoginFlows flows, string? returnUrl, string? lang)
    {
        var flow = LoginFlow.Start(LocalUrl.OrRoot(returnUrl));
        flows.Store(context, flow);
        // Relative: the gateway serves /connect/* from the token server on this same origin.
        return TypedResults.Redirect(QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = TokenServerClient.ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = CallbackUri(context),
            ["scope"] = "offline_access",
            ["code_challenge"] = flow.Challenge,
            ["code_challenge_method"] = "S256",
            ["state"] = flow.State,
            ["ui_locales"] = lang == "en" ? "en" : DefaultLanguage,
        }));
    }

    static async Task<RedirectHttpResult> Callback(
        HttpContext context, LoginFlows flows, TokenServerClient tokenServer, ILogger<LoginFlows> logger,
        string? code, string? state, string? error, CancellationToken ct)
    {
        var flow = flows.Take(context);
        if (error is not null || code is null || flow is null || !flow.Matches(state))
        {
            logger.LogInformation("Portal sign-in not completed: error {Error}, flow cookie {HasFlow}", error, flow is not null);
            return TypedResults.Redirect(FailedSignIn);
        }

        SessionTokens? tokens;
        try
        {
            tokens = await tokenServer.RedeemCodeAsync(code, flow.Verifier, CallbackUri(context), ct);
        }
        catch (HttpRequestException exception)
        {
            logger.LogWarning(exception, "The token server could not redeem a portal code");
            tokens = null;
        }
        if (tokens is null) return TypedResults.Redirect(FailedSignIn);

        await PortalSession.SignInAsync(context, tokens);
        return TypedResults.Redirect(flow.ReturnUrl == "/" ? HomeOf(PortalSession.PrincipalOf(tokens.AccessToken)) : flow.ReturnUrl);
    }

    /// <summary>
    /// The page a role lands on when the sign-in named none (the portal's homeOf): straight there rather than through
    /// "/", which would cost the browser one more round trip before the page can start loading its data.
    /// </summary>
    public static string HomeOf(ClaimsPrincipal user) =>
        user.IsInRole(PlatformRoles.NationalUnit) ? "/nacional"
        : user.IsInRole(PlatformRoles.TenantAdmin) ? "/inicio"
        : user.IsInRole(PlatformRoles.Supervisor) || user.IsInRole(PlatformRoles.Specialist) ? "/mi-trabajo"
        : "/panel";

    static Results<Ok<BffUser>, ProblemHttpResult> CurrentUser(HttpContext context)
    {
        if (context.Features.Get<PortalSessionFeature>() is not { } session) return NoSession();
        var user = PortalSession.PrincipalOf(session.Tokens.AccessToken);
        string? Claim(string type) => user.FindFirst(type)?.Value;
        var tenant = Guid.TryParse(Claim(PlatformClaims.Tenant), out var tenantId)
            ? new BffTenant(tenantId, Claim(PlatformClaims.TenantSlug) ?? "", Claim(PlatformClaims.TenantName) ?? "")
            : null;
        return TypedResults.Ok(new BffUser(
            Guid.Parse(Claim(PlatformClaims.Subject)!), Claim(PlatformClaims.Name) ?? "", Claim(PlatformClaims.Email) ?? "",
            [.. user.FindAll(PlatformClaims.Role).Select(r => r.Value)], tenant, Claim("locale") ?? DefaultLanguage));
    }

    /// <summary>The session middleware has already required X-CSRF. Signing out ends every session of the user: its
    /// access tokens stop working in every service within seconds and its refresh tokens at once, so a replayed cookie
    /// is worth nothing (docs/decisions/0017).</summary>
    static async Task<NoContent> Logout(HttpContext context, TokenServerClient tokenServer, ILogger<LoginFlows> logger, CancellationToken ct)
    {
        if (context.Features.Get<PortalSessionFeature>() is { } session)
        {
            try
            {
                await tokenServer.SignOutEverywhereAsync(session.Tokens.AccessToken, ct);
                await tokenServer.RevokeAsync(session.Tokens.RefreshToken, ct);
            }
            catch (HttpRequestException exception)
            {
                logger.LogWarning(exception, "The token server could not revoke a portal refresh token");
            }
        }
        await PortalSession.SignOutAsync(context);
        return TypedResults.NoContent();
    }

    public static ProblemHttpResult NoSession() => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
        title: "Sesión no iniciada / Not signed in", detail: "Inicie sesión de nuevo. / Please sign in again.");

    /// <summary>This request's own origin: where the browser came from, so the callback lands on the same cookies.</summary>
    private static string CallbackUri(HttpContext context) =>
        $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{CallbackPath}";
}
