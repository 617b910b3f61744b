using System.Net;
using System.Text.Json.Serialization;

namespace RedesPlataforma.Gateway.Bff;

/// <summary>
/// The gateway's server-to-server calls to the token server (Services:Tenants) as the portal's public client: redeem a
/// code with its PKCE verifier, refresh, revoke, sign out. A refusal (4xx) comes back as null; an unreachable or failing
/// server throws, so a caller can tell "sign in again" from "try again shortly".
/// </summary>
public sealed class TokenServerClient(HttpClient http, TimeProvider clock)
{
    public const string ClientId = "redes-portal";

    public Task<SessionTokens?> RedeemCodeAsync(string code, string verifier, string redirectUri, CancellationToken ct) =>
        RequestTokensAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["code_verifier"] = verifier,
            ["redirect_uri"] = redirectUri, ["client_id"] = ClientId,
        }, ct);

    public Task<SessionTokens?> RefreshAsync(string refreshToken, CancellationToken ct) =>
        RequestTokensAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = ClientId,
        }, ct);

    public async Task RevokeAsync(string refreshToken, CancellationToken ct)
    {
        using var response = await http.PostAsync("connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = refreshToken, ["token_type_hint"] = "refresh_token", ["client_id"] = ClientId,
        }), ct);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Signs the user out everywhere (the token server's /api/account/logout): every access token of the user stops
    /// working in every service within seconds (docs/decisions/0017). An access token already expired or revoked is
    /// nothing more to end.
    /// </summary>
    public async Task SignOutEverywhereAsync(string accessToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/account/logout");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode != HttpStatusCode.Unauthorized) response.EnsureSuccessStatusCode();
    }

    private async Task<SessionTokens?> RequestTokensAsync(Dictionary<string, string> form, CancellationToken ct)
    {
        using var response = await http.PostAsync("connect/token", new FormUrlEncodedContent(form), ct);
        if (response.StatusCode is >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError) return null;
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>(ct);
        return body is { AccessToken: { } access, RefreshToken: { } refresh }
            ? new SessionTokens(access, refresh, clock.GetUtcNow().AddSeconds(body.ExpiresIn))
            : throw new HttpRequestException("The token server answered without an access and a refresh token.");
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
