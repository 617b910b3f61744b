using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.IdentityModel.JsonWebTokens;
using RedesPlataforma.BuildingBlocks.Security;

namespace RedesPlataforma.Gateway.Bff;

/// <summary>The tokens of one portal session, kept only inside the encrypted session cookie.</summary>
public sealed record SessionTokens(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt);

/// <summary>What the session middleware found for this request, for the /bff endpoints.</summary>
public sealed record PortalSessionFeature(SessionTokens Tokens);

/// <summary>
/// The portal's session: an ASP.NET Core cookie (encrypted and signed with the shared data-protection keys, chunked
/// when large) whose ticket holds the access token, the refresh token and the access token's expiry. Nothing in it is
/// readable by the browser's JavaScript (HttpOnly) or sent from another site (SameSite=Strict).
/// </summary>
public static class PortalSession
{
    public const string Scheme = "PortalSession";
    public const string CookieName = "redes.session";

    /// <summary>As long as the token server's refresh tokens live: past that a refresh would fail anyway.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    private const string AccessToken = "access_token";
    private const string RefreshToken = "refresh_token";
    private const string ExpiresAt = "expires_at";

    public static AuthenticationBuilder AddPortalSessionCookie(this AuthenticationBuilder authentication) =>
        authentication.AddCookie(Scheme, options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.Path = "/";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = Lifetime;
            options.SlidingExpiration = false;
        });

    public static Task SignInAsync(HttpContext context, SessionTokens tokens)
    {
        var properties = new AuthenticationProperties { IsPersistent = true, ExpiresUtc = DateTimeOffset.UtcNow.Add(Lifetime) };
        properties.StoreTokens(
        [
            new AuthenticationToken { Name = AccessToken, Value = tokens.AccessToken },
            new AuthenticationToken { Name = RefreshToken, Value = tokens.RefreshToken },
            new AuthenticationToken { Name = ExpiresAt, Value = tokens.ExpiresAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) },
        ]);
        return context.SignInAsync(Scheme, PrincipalOf(tokens.AccessToken), properties);
    }

    /// <summary>The cookie (and its chunks, named redes.sessionC1, C2 …) is the gateway's own: services get the bearer
    /// token made from it, never the cookie.</summary>
    public static void RemoveFrom(System.Net.Http.Headers.HttpRequestHeaders headers)
    {
        if (!headers.TryGetValues(Microsoft.Net.Http.Headers.HeaderNames.Cookie, out var values)) return;
        var kept = values.SelectMany(v => v.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(cookie => !IsSessionCookie(cookie[..Math.Max(cookie.IndexOf('='), 0)]))
            .ToList();
        headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.Cookie);
        if (kept.Count > 0) headers.TryAddWithoutValidation(Microsoft.Net.Http.Headers.HeaderNames.Cookie, string.Join("; ", kept));
    }

    private static bool IsSessionCookie(string name) =>
        name == CookieName || (name.StartsWith(CookieName + "C", StringComparison.Ordinal) && name.Length > CookieName.Length + 1 && name[(CookieName.Length + 1)..].All(char.IsAsciiDigit));

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(Scheme);

    public static SessionTokens? TokensOf(AuthenticationProperties? properties) =>
        properties?.GetTokenValue(AccessToken) is { } access
        && properties.GetTokenValue(RefreshToken) is { } refresh
        && DateTimeOffset.TryParse(properties.GetTokenValue(ExpiresAt), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var expiresAt)
            ? new SessionTokens(access, refresh, expiresAt)
            : null;

    /// <summary>The user as the access token describes them. Not validated here: the token came from the token server
    /// over a server-to-server call and only ever lived inside the encrypted cookie; services validate it on each call.</summary>
    public static ClaimsPrincipal PrincipalOf(string accessToken) =>
        new(new ClaimsIdentity(new JsonWebTokenHandler().ReadJsonWebToken(accessToken).Claims, Scheme, PlatformClaims.Name, PlatformClaims.Role));
}
