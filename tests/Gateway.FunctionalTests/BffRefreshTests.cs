using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RedesPlataforma.Tenants.Accounts;
using RedesPlataforma.Tenants.Staff;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Gateway.FunctionalTests;

/// <summary>Access tokens of 20 seconds: every request of a session refreshes first.</summary>
public sealed class BffRefreshTests(ShortTokenGatewayApp app) : IClassFixture<ShortTokenGatewayApp>
{
    [Fact]
    public async Task An_access_token_about_to_expire_is_refreshed_transparently_and_the_refresh_token_rotated()
    {
        var tenant = await app.Tenants.OnboardAsync();
        var staff = await tenant.CreateStaffAsync("Specialist");
        var browser = app.Browser();
        await browser.SignInAsync(staff.Email, staff.Password);
        var before = browser.Tokens(app);
        var renamed = new UpdateStaffRequest("Juana Quispe Huamán", null, ["PE-CUS"], null, null);
        (await tenant.Admin.PutAsJsonAsync($"/api/staff/{staff.Id}", renamed)).EnsureSuccessStatusCode();

        var user = await (await browser.GetAsync("/bff/user")).ReadAsync<JsonElement>();
        var me = await (await browser.GetAsync("/api/account/me")).ReadAsync<MeDto>();

        Assert.Equal("Juana Quispe Huamán", user.GetProperty("name").GetString());
        Assert.Equal(staff.Id, me.Id);
        var after = browser.Tokens(app);
        Assert.NotEqual(before.RefreshToken, after.RefreshToken);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Tenants.CreateClient().RefreshAsync(before.RefreshToken)).StatusCode);
        Assert.DoesNotContain(browser.PortalBodies, b => b.Contains(after.AccessToken, StringComparison.Ordinal) || b.Contains(after.RefreshToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Concurrent_requests_of_one_session_redeem_its_refresh_token_once()
    {
        var tenant = await app.Tenants.OnboardAsync();
        var browser = app.Browser();
        await browser.SignInAsync(tenant.AdminEmail, Scenario.Password);
        var cookie = browser.CookieHeader;

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/account/me");
            request.Headers.Add("Cookie", cookie);
            return app.Client().SendAsync(request);
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    [Fact]
    public async Task A_refresh_the_token_server_refuses_ends_the_session_with_a_401_problem()
    {
        var tenant = await app.Tenants.OnboardAsync();
        var browser = app.Browser();
        await browser.SignInAsync(tenant.AdminEmail, Scenario.Password);
        // Signing out everywhere changes the security stamp: the session's refresh token is refused from now on.
        var everywhere = new HttpRequestMessage(HttpMethod.Post, "/api/account/logout");
        everywhere.Headers.Add("X-CSRF", "1");
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(everywhere)).StatusCode);

        var response = await browser.GetAsync("/api/account/me");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.StartsWith("Sesión", problem.GetProperty("title").GetString());
        Assert.False(browser.HasSession);
    }

    [Fact]
    public async Task A_session_cookie_replayed_after_sign_out_no_longer_works()
    {
        var tenant = await app.Tenants.OnboardAsync();
        var browser = app.Browser();
        await browser.SignInAsync(tenant.AdminEmail, Scenario.Password);
        // The cookie as it is after one more request: the session's current refresh token inside.
        (await browser.GetAsync("/bff/user")).EnsureSuccessStatusCode();
        var stolen = browser.CookieHeader;
        var logout = new HttpRequestMessage(HttpMethod.Post, "/bff/logout");
        logout.Headers.Add("X-CSRF", "1");
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(logout)).StatusCode);

        var replay = new HttpRequestMessage(HttpMethod.Get, "/api/account/me");
        replay.Headers.Add("Cookie", stolen);
        var response = await app.Client().SendAsync(replay);

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
    }
}
