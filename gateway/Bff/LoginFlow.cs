using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace RedesPlataforma.Gateway.Bff;

/// <summary>One sign-in in progress: the state that ties the callback to this browser, the PKCE verifier that only the
/// gateway knows, and where to go afterwards.</summary>
public sealed record LoginFlow(string State, string Verifier, string ReturnUrl)
{
    public static LoginFlow Start(string returnUrl) => new(RandomValue(), RandomValue(), returnUrl);

    /// <summary>The S256 code challenge: base64url(SHA-256(verifier)).</summary>
    public string Challenge => WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    public bool Matches(string? state) =>
        state is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(state), Encoding.UTF8.GetBytes(State));

    // 32 random bytes: a 43-character verifier, within PKCE's 43–128.
    private static string RandomValue() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
}

/// <summary>
/// Keeps a <see cref="LoginFlow"/> between /bff/login and /bff/callback in a cookie encrypted with the shared
/// data-protection keys (so either replica can finish the flow) and valid for ten minutes; the callback spends it.
/// </summary>
public sealed class LoginFlows(IDataProtectionProvider dataProtection)
{
    private const string CookieName = "redes.signin";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ITimeLimitedDataProtector _protector = dataProtection.CreateProtector("RedesPlataforma.Gateway.Bff.LoginFlow").ToTimeLimitedDataProtector();

    public void Store(HttpContext context, LoginFlow flow) =>
        context.Response.Cookies.Append(CookieName, _protector.Protect(JsonSerializer.Serialize(flow), Lifetime), Options(context));

    /// <summary>The flow this browser started, or null (none, expired or tampered with); the cookie is removed either way.</summary>
    public LoginFlow? Take(HttpContext context)
    {
        var value = context.Request.Cookies[CookieName];
        context.Response.Cookies.Delete(CookieName, Options(context));
        if (value is null) return null;
        try
        {
            return JsonSerializer.Deserialize<LoginFlow>(_protector.Unprotect(value));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static CookieOptions Options(HttpContext context) => new()
    {
        Path = "/bff",
        HttpOnly = true,
        // Lax, not Strict: the callback arrives as a redirect from the token server's pages.
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
        MaxAge = Lifetime,
    };
}
