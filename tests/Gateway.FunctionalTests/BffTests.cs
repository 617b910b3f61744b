using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RedesPlataforma.Tenants.Accounts;
using RedesPlataforma.Tenants.Institutions;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Gateway.FunctionalTests;

/// <summary>The portal's sessions: authorization code + PKCE through the gateway, tokens kept in the session cookie.</summary>
public sealed class BffTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    [Fact]
    public async Task The_code_and_PKCE_journey_ends_in_a_session_whose_user_is_described_without_a_token()
    {
        var tenant = await app.Tenants.OnboardAsync();
        var staff = await tenant.CreateStaffAsync("Supervisor");
        var browser = app.Browser();

        var landing = await browser.SignInAsync(staff.Email, staff.Password, "/tablero?x=1");

        Assert.Equal("/tablero?x=1", landing.Headers.Location!.OriginalString);
        var setCookie = Assert.Single(landing.Headers.GetValues("Set-Cookie"), c => c.StartsWith("redes.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        var user = await browser.GetAsync("/bff/user");
        var body = await user.ReadAsync<JsonElement>();
        Assert.Equal(staff.Id, body.GetProperty("id").GetGuid());
        Assert.Equal("Juan Pérez Huamán", body.GetProperty("name").GetString());
        Assert.Equal(staff.Email, body.GetProperty("email").GetString());
        Assert.Equal(["Supervisor"], body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(tenant.TenantId, body.GetProperty("tenant").GetProperty("id").GetGuid());
        Assert.Equal(tenant.Slug, body.GetProperty("tenant").GetProperty("slug").GetString());
        Assert.Equal("es", body.GetProperty("language").GetString());
        var tokens = browser.Tokens(app);
        Assert.DoesNotContain(browser.PortalBodies, b => b.Contains(tokens.AccessToken, StringComparison.Ordinal) || b.Contains(tokens.RefreshToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_api_call_with_only_the_session_cookie_reaches_the_service_as_the_user_without_the_cookie()
    {
        var tenant = await app.Tenants.OnboardAsync();
        var browser = app.Browser();
        await browser.SignInAsync(tenant.AdminEmail, Scenario.Password);

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/account/me");
        request.Headers.Add("X-Correlation-Id", Guid.NewGuid().ToString());
        var me = await (await browser.SendAsync(request)).ReadAsync<MeDto>();
        var current = await (await browser.GetAsync("/api/tenants/current")).ReadAsync<TenantDto>();

        Assert.Equal(tenant.AdminId, me.Id);
        Assert.Equal(tenant.TenantId, current.Id);
        var received = app.Tenants.ReceivedHeaders[request.Headers.GetValues("X-Correlation-Id").Single()];
        Assert.StartsWith("Bearer ", received["Authorization"]);
        Assert.DoesNotContain("redes.session", received.GetValueOrDefault("Cookie") ?? "");
    }

    [Fact]
    public async Task An_unsafe_request_with_the_session_cookie_needs_the_X_CSRF_header_and_an_explicit_bearer_does_not()
    {
        var tenant = await app.Tenants.OnboardAsync();
        var browser = app.Browser();
        await browser.SignInAsync(tenant.AdminEmail, Scenario.Password);
        HttpRequestMessage NewOrgUnit(string name) => new(HttpMethod.Post, "/api/org-units")
        {
            Content = JsonContent.Create(new { name, kind = "DireccionZonal", regionCode = "PE-CUS" }),
        };

        var withoutHeader = await browser.SendAsync(NewOrgUnit("Sin cabecera"));
        var withHeader = NewOrgUnit("Con cabecera");
        withHeader.Headers.Add("X-CSRF", "1");
        var accepted = await browser.SendAsync(withHeader);
        var scripted = await app.WithTokenOf(tenant.Admin).SendAsync(NewOrgUnit("Por script"));

        await Problem.AssertAsync(withoutHeader, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Created, scripted.StatusCode);
    }

    [Fact]
    public async Task Signing_out_revokes_the_refresh_token_and_deletes_the_session_cookie()
    {
        var tenant = await app.Tenants.OnboardAsync();
        var browser = app.Browser();
        await browser.SignInAsync(tenant.AdminEmail, Scenario.Password);
        var tokens = browser.Tokens(app);

        var forged = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/bff/logout"));
        var logout = new HttpRequestMessage(HttpMethod.Post, "/bff/logout");
        logout.Headers.Add("X-CSRF", "1");
        var signedOut = await browser.SendAsync(logout);

        await Problem.AssertAsync(forged, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
        Assert.False(browser.HasSession);
        await Problem.AssertAsync(await browser.GetAsync("/bff/user"), HttpStatusCode.Unauthorized);
        await Problem.AssertAsync(await browser.GetAsync("/api/account/me"), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Tenants.CreateClient().RefreshAsync(tokens.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_an_unknown_email_or_a_locked_account_shows_the_same_message_and_issues_no_code()
    {
        var tenant = await app.Tenants.OnboardAsync();
        var locked = await tenant.CreateStaffAsync("Viewer");
        for (var attempt = 0; attempt < 5; attempt++) await app.Tenants.CreateClient().RequestTokenAsync(locked.Email, "No-Es-La-Clave-1!");
        var browser = app.Browser();
        var page = await browser.OpenSignInPageAsync();

        var wrongPassword = await browser.SubmitAsync(page, tenant.AdminEmail, "No-Es-La-Clave-1!");
        var unknownEmail = await browser.SubmitAsync(page, "nadie@desconocido.test", Scenario.Password);
        var lockedAccount = await browser.SubmitAsync(page, locked.Email, locked.Password);

        foreach (var response in new[] { wrongPassword, unknownEmail, lockedAccount })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(response.Headers.Location);
            Assert.Contains("""role="alert">El correo o la contraseña son incorrectos.</div>""", await response.Content.ReadAsStringAsync());
        }
        await Problem.AssertAsync(await browser.GetAsync("/bff/user"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_sign_in_form_without_its_antiforgery_token_is_refused()
    {
        var tenant = await app.Tenants.OnboardAsync();
        var browser = app.Browser();
        var page = await browser.OpenSignInPageAsync();
        var withoutToken = PortalBrowser.HiddenFieldsOf(await page.Content.ReadAsStringAsync());
        Assert.True(withoutToken.Remove("__RequestVerificationToken"));
        withoutToken["email"] = tenant.AdminEmail;
        withoutToken["password"] = Scenario.Password;

        var response = await browser.Client.PostAsync("/connect/authorize", new FormUrlEncodedContent(withoutToken));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData("http://evil.test/bff/callback")]
    [InlineData("http://localhost/otra/callback")]
    public async Task An_authorization_request_for_a_redirect_uri_not_registered_is_refused(string redirectUri)
    {
        var response = await app.Browser().GetAsync("/connect/authorize?client_id=redes-portal&response_type=code&scope=offline_access" +
            $"&redirect_uri={Uri.EscapeDataString(redirectUri)}&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&state=s");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData("https://evil.test/robar")]
    [InlineData("//evil.test/robar")]
    [InlineData("/\\evil.test/robar")]
    public async Task A_return_url_to_another_origin_is_ignored_and_the_user_lands_on_their_roles_home(string returnUrl)
    {
        var tenant = await app.Tenants.OnboardAsync();

        var landing = await app.Browser().SignInAsync(tenant.AdminEmail, Scenario.Password, returnUrl);

        Assert.Equal("/inicio", landing.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Each_role_lands_on_its_own_home_when_the_sign_in_named_no_page()
    {
        var tenant = await app.Tenants.OnboardAsync();
        var specialist = await tenant.CreateStaffAsync("Specialist");
        var supervisor = await tenant.CreateStaffAsync("Supervisor");
        var viewer = await tenant.CreateStaffAsync("Viewer");

        var national = await app.Browser().SignInAsync(TenantsApp.NationalEmail, TenantsApp.NationalPassword, "/");
        var admin = await app.Browser().SignInAsync(tenant.AdminEmail, Scenario.Password, "/");
        var field = await app.Browser().SignInAsync(specialist.Email, specialist.Password, "/");
        var team = await app.Browser().SignInAsync(supervisor.Email, supervisor.Password, "/");
        var reader = await app.Browser().SignInAsync(viewer.Email, viewer.Password, "/");

        Assert.Equal("/nacional", national.Headers.Location!.OriginalString);
        Assert.Equal("/inicio", admin.Headers.Location!.OriginalString);
        Assert.Equal("/mi-trabajo", field.Headers.Location!.OriginalString);
        Assert.Equal("/mi-trabajo", team.Headers.Location!.OriginalString);
        Assert.Equal("/panel", reader.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_deactivated_user_is_told_so_on_the_sign_in_page_and_gets_no_code()
    {
        var tenant = await app.Tenants.OnboardAsync();
        var staff = await tenant.CreateStaffAsync("Specialist");
        (await tenant.Admin.PostAsync($"/api/staff/{staff.Id}/deactivate", null)).EnsureSuccessStatusCode();
        var browser = app.Browser();

        var response = await browser.SubmitAsync(await browser.OpenSignInPageAsync(), staff.Email, staff.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("""role="alert">La cuenta está desactivada; consulte con el administrador de su institución.</div>""", await response.Content.ReadAsStringAsync());
        Assert.False(browser.HasSession);
        await Problem.AssertAsync(await browser.GetAsync("/bff/user"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_session_whose_user_is_deactivated_ends_at_its_next_request_within_5_seconds()
    {
        var tenant = await app.Tenants.OnboardAsync();
        var staff = await tenant.CreateStaffAsync("Specialist");
        var browser = app.Browser();
        await browser.SignInAsync(staff.Email, staff.Password);
        (await browser.GetAsync("/api/account/me")).EnsureSuccessStatusCode();

        var watch = System.Diagnostics.Stopwatch.StartNew();
        (await tenant.Admin.PostAsync($"/api/staff/{staff.Id}/deactivate", null)).EnsureSuccessStatusCode();
        var response = await UntilRefusedAsync(() => browser.GetAsync("/api/account/me"));

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.True(watch.Elapsed <= TimeSpan.FromSeconds(5), $"{watch.ElapsedMilliseconds} ms");
        Assert.False(browser.HasSession);
        await Problem.AssertAsync(await browser.GetAsync("/bff/user"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signing_out_of_the_portal_ends_the_access_token_a_copied_cookie_carries()
    {
        var tenant = await app.Tenants.OnboardAsync();
        var browser = app.Browser();
        await browser.SignInAsync(tenant.AdminEmail, Scenario.Password);
        var accessToken = browser.Tokens(app).AccessToken;
        var logout = new HttpRequestMessage(HttpMethod.Post, "/bff/logout");
        logout.Headers.Add("X-CSRF", "1");
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(logout)).StatusCode);

        var copied = app.Client().Authorize(accessToken);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var response = await UntilRefusedAsync(() => copied.GetAsync("/api/account/me"));

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.True(watch.Elapsed <= TimeSpan.FromSeconds(5), $"{watch.ElapsedMilliseconds} ms");
    }

    /// <summary>The first answer that is not a 200, asking every 50 ms for up to ten seconds.</summary>
    private static async Task<HttpResponseMessage> UntilRefusedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        HttpResponseMessage response;
        while ((response = await send()).StatusCode == HttpStatusCode.OK && watch.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(50);
        return response;
    }

    [Fact]
    public async Task A_callback_with_a_state_this_browser_did_not_start_fails_without_a_session()
    {
        var tenant = await app.Tenants.OnboardAsync();
        var browser = app.Browser();
        var callback = (await browser.SubmitAsync(await browser.OpenSignInPageAsync(), tenant.AdminEmail, Scenario.Password)).Headers.Location!;

        var forged = await browser.GetAsync(callback.ToString().Replace("state=", "state=x", StringComparison.Ordinal));

        Assert.Equal("/?signin=failed", forged.Headers.Location!.OriginalString);
        Assert.False(browser.HasSession);
    }

    [Fact]
    public async Task Every_portal_sign_in_asks_for_the_password_again()
    {
        var tenant = await app.Tenants.OnboardAsync();
        var browser = app.Browser();
        await browser.SignInAsync(tenant.AdminEmail, Scenario.Password);

        // The login cookie was spent by the first authorize: a second sign-in lands on the page again.
        await browser.OpenSignInPageAsync();
    }

    [Fact]
    public async Task The_sign_in_page_is_Spanish_by_default_and_English_when_the_portal_asks()
    {
        var browser = app.Browser();

        var spanish = await (await browser.OpenSignInPageAsync()).Content.ReadAsStringAsync();
        var english = await (await browser.OpenSignInPageAsync(lang: "en")).Content.ReadAsStringAsync();

        Assert.Contains("""<html lang="es">""", spanish);
        Assert.Contains("<h1>Iniciar sesión</h1>", spanish);
        Assert.Contains("""<label for="email">Correo electrónico</label>""", spanish);
        Assert.Contains("""<label for="password">Contraseña</label>""", spanish);
        Assert.Contains("""<button type="submit">Ingresar</button>""", spanish);
        Assert.Contains("""<a href="/restablecer">¿Olvidó su contraseña?</a>""", spanish);
        Assert.Contains("""<a href="/registro">Registrar institución</a>""", spanish);
        Assert.Contains("""autocomplete="current-password""", spanish);
        Assert.DoesNotContain("<script", spanish);
        Assert.DoesNotContain("style=", spanish);
        Assert.Contains("""<html lang="en">""", english);
        Assert.Contains("<h1>Sign in</h1>", english);
        Assert.Contains("""<label for="email">Email</label>""", english);
        var css = await browser.GetAsync("/connect/login.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
    }
}
