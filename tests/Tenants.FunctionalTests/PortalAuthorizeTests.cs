using System.Net;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Tenants.FunctionalTests;

/// <summary>The token server's side of the portal's sign-in: only the registered public client, only with PKCE S256.</summary>
[Collection(TenantsHost.Name)]
public sealed class PortalAuthorizeTests(TenantsApp app)
{
    private const string Challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    [Theory]
    [InlineData("")]
    [InlineData($"&code_challenge={Challenge}&code_challenge_method=plain")]
    public async Task An_authorization_request_without_an_S256_challenge_is_refused(string pkce)
    {
        var response = await Authorize("redes-portal", pkce);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("code_challenge", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_authorization_request_with_an_S256_challenge_goes_to_the_sign_in_page()
    {
        var response = await Authorize("redes-portal", $"&code_challenge={Challenge}&code_challenge_method=S256");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/connect/login?returnUrl=%2Fconnect%2Fauthorize%3F", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_unregistered_client_cannot_ask_for_a_code()
    {
        var response = await Authorize("otro-cliente", $"&code_challenge={Challenge}&code_challenge_method=S256");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private Task<HttpResponseMessage> Authorize(string clientId, string pkce) =>
        app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(
            $"/connect/authorize?client_id={clientId}&response_type=code&scope=offline_access&state=s" +
            $"&redirect_uri={Uri.EscapeDataString(TenantsApp.PortalRedirectUri)}{pkce}");
}
