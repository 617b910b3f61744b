using System.Net;
using System.Net.Http.Json;
using RedesPlataforma.Tenants.Accounts;
using RedesPlataforma.Tenants.Staff;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Tenants.FunctionalTests;

[Collection(TenantsHost.Name)]
public sealed class PasswordResetTests(TenantsApp app)
{
    private const string NewPassword = "Recuperada-2026-Nueva!";

    [Fact]
    public async Task Known_and_unknown_addresses_get_identical_answers_and_only_the_known_one_gets_mail()
    {
        var tenant = await app.OnboardAsync();
        var staff = await tenant.CreateStaffAsync("Viewer");
        var unknown = $"{Scenario.Unique("nadie")}@{tenant.Slug}.test";

        var forKnown = await RequestResetAsync(staff.Email);
        var forUnknown = await RequestResetAsync(unknown);

        Assert.Equal(HttpStatusCode.Accepted, forKnown.StatusCode);
        Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
        Assert.Equal(await forKnown.Content.ReadAsStringAsync(), await forUnknown.Content.ReadAsStringAsync());
        Assert.Equal(forKnown.Content.Headers.ContentType, forUnknown.Content.Headers.ContentType);
        Assert.Equal("restablecer", (await app.WaitForMailAsync(staff.Email)).Link().Page);
        Assert.Empty(await app.MessagesToAsync(unknown));
    }

    [Fact]
    public async Task A_reset_link_sets_a_new_password_once_and_the_old_one_stops_working()
    {
        var tenant = await app.OnboardAsync();
        var staff = await tenant.CreateStaffAsync("Viewer");
        await RequestResetAsync(staff.Email);
        var link = (await app.WaitForMailAsync(staff.Email)).Link();
        Assert.Equal(staff.Id, link.UserId);

        var weak = await ConfirmAsync(link, "debil");
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("password", await weak.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NoContent, (await ConfirmAsync(link, NewPassword)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().RequestTokenAsync(staff.Email, NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.CreateClient().RequestTokenAsync(staff.Email, staff.Password)).StatusCode);
        await InvitationTests.AssertInvalidLinkAsync(await ConfirmAsync(link, "Otra-Vez-Nueva-2026!"));
    }

    [Fact]
    public async Task An_invitation_token_cannot_reset_a_password_nor_a_reset_token_accept_an_invitation()
    {
        var tenant = await app.OnboardAsync();
        var email = $"{Scenario.Unique("cruce")}@{tenant.Slug}.test";
        await (await tenant.Admin.PostAsJsonAsync("/api/staff/invitations", new InviteStaffRequest("Rita Apaza", email, ["Viewer"], null, null, null, null))).ReadAsync<StaffDetails>();
        var invitation = (await app.WaitForMailAsync(email)).Link();

        await InvitationTests.AssertInvalidLinkAsync(await ConfirmAsync(invitation, NewPassword));
        var staff = await tenant.CreateStaffAsync("Viewer");
        await RequestResetAsync(staff.Email);
        var reset = (await app.WaitForMailAsync(staff.Email)).Link();
        await InvitationTests.AssertInvalidLinkAsync(await app.CreateClient().PostAsJsonAsync("/api/account/invitation/accept", new AccountLinkRequest(reset.UserId, reset.Token, NewPassword)));
    }

    [Fact]
    public async Task A_deactivated_user_gets_no_reset_mail_and_cannot_use_an_earlier_link()
    {
        var tenant = await app.OnboardAsync();
        var staff = await tenant.CreateStaffAsync("Viewer");
        await RequestResetAsync(staff.Email);
        var link = (await app.WaitForMailAsync(staff.Email)).Link();

        await (await tenant.Admin.PostAsync($"/api/staff/{staff.Id}/deactivate", null)).ReadAsync<StaffDetails>();
        Assert.Equal(HttpStatusCode.Accepted, (await RequestResetAsync(staff.Email)).StatusCode);

        await InvitationTests.AssertInvalidLinkAsync(await ConfirmAsync(link, NewPassword));
        await Task.Delay(500);
        Assert.Single(await app.MessagesToAsync(staff.Email));
    }

    [Fact]
    public async Task The_language_is_Spanish_by_default_can_be_English_and_nothing_else_and_tokens_carry_it()
    {
        var tenant = await app.OnboardAsync();
        var staff = await tenant.CreateStaffAsync("Viewer");
        var tokens = await app.CreateClient().SignInAsync(staff.Email, staff.Password);
        var client = app.CreateClient().Authorize(tokens.AccessToken);
        Assert.Equal("es", (await (await client.GetAsync("/api/account/me")).ReadAsync<MeDto>()).Language);
        Assert.Equal("es", Locale(tokens.AccessToken));

        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync("/api/account/language", new LanguageRequest("en"))).StatusCode);
        Assert.Equal("en", (await (await client.GetAsync("/api/account/me")).ReadAsync<MeDto>()).Language);
        var refreshed = await (await app.CreateClient().RefreshAsync(tokens.RefreshToken!)).ReadAsync<TokenResponse>();
        Assert.Equal("en", Locale(refreshed.AccessToken));

        foreach (var wrong in new[] { "fr", "EN", "", null })
        {
            var refused = await client.PutAsJsonAsync("/api/account/language", new LanguageRequest(wrong));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("language", await refused.Content.ReadAsStringAsync());
        }
        Assert.Equal("en", (await (await client.GetAsync("/api/account/me")).ReadAsync<MeDto>()).Language);
    }

    private static string Locale(string accessToken) =>
        new System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler().ReadJwtToken(accessToken).Claims.Single(c => c.Type == "locale").Value;

    private Task<HttpResponseMessage> RequestResetAsync(string email) =>
        app.CreateClient().PostAsJsonAsync("/api/account/password-reset", new PasswordResetRequest(email));

    private Task<HttpResponseMessage> ConfirmAsync(MailedLink link, string password) =>
        app.CreateClient().PostAsJsonAsync("/api/account/password-reset/confirm", new AccountLinkRequest(link.UserId, link.Token, password));
}
