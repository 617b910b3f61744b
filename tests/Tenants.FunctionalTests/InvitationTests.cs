using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using RedesPlataforma.Tenants.Accounts;
using RedesPlataforma.Tenants.Audit;
using RedesPlataforma.Tenants.Staff;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Tenants.FunctionalTests;

[Collection(TenantsHost.Name)]
public sealed class InvitationTests(TenantsApp app)
{
    private const string ChosenPassword = "Elegida-Por-Mi-2026!";

    [Fact]
    public async Task An_invited_person_accepts_the_mailed_link_and_signs_in_with_the_roles_given_once_only()
    {
        var tenant = await app.OnboardAsync();
        var invited = await InviteAsync(tenant, ["Supervisor", "Specialist"]);
        Assert.True(invited.InvitationPending);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.CreateClient().RequestTokenAsync(invited.Email, ChosenPassword)).StatusCode);

        var mail = await app.WaitForMailAsync(invited.Email);
        var link = mail.Link();
        Assert.Equal(("invitacion", invited.Id), (link.Page, link.UserId));
        Assert.Contains("48 horas", mail.TextBody);
        Assert.Contains("48 hours", mail.TextBody);

        Assert.Equal(HttpStatusCode.NoContent, (await AcceptAsync(link, ChosenPassword)).StatusCode);
        var token = new JwtSecurityTokenHandler().ReadJwtToken((await app.CreateClient().SignInAsync(invited.Email, ChosenPassword)).AccessToken);
        Assert.Equal(["Specialist", "Supervisor"], token.Claims.Where(c => c.Type == "role").Select(c => c.Value).Order());
        Assert.Equal(tenant.TenantId.ToString(), token.Claims.Single(c => c.Type == "tenant").Value);
        Assert.False((await (await tenant.Admin.GetAsync($"/api/staff/{invited.Id}")).ReadAsync<StaffDetails>()).InvitationPending);

        var again = await AcceptAsync(link, "Otra-Clave-Nueva-2026!");
        await AssertInvalidLinkAsync(again);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().RequestTokenAsync(invited.Email, ChosenPassword)).StatusCode);
    }

    [Fact]
    public async Task Inviting_records_the_audit_entry_and_StaffMemberJoined_like_creating()
    {
        var tenant = await app.OnboardAsync();
        var invited = await InviteAsync(tenant, ["Viewer"]);

        var audit = await tenant.Admin.PageAsync<AuditEntryDto>($"/api/audit?targetId={invited.Id}");
        Assert.Equal("staff.invited", Assert.Single(audit.Items).Action);
        var listed = await tenant.Admin.PageAsync<StaffSummary>($"/api/staff?search={Uri.EscapeDataString(invited.Email)}");
        Assert.True(Assert.Single(listed.Items).InvitationPending);
        Assert.False(Assert.Single((await tenant.Admin.PageAsync<StaffSummary>("/api/staff?role=TenantAdmin")).Items).InvitationPending);
    }

    [Fact]
    public async Task A_garbled_token_and_a_weak_password_are_refused_without_spending_the_link()
    {
        var tenant = await app.OnboardAsync();
        var invited = await InviteAsync(tenant, ["Viewer"]);
        var link = (await app.WaitForMailAsync(invited.Email)).Link();

        await AssertInvalidLinkAsync(await AcceptAsync(link with { Token = link.Token[..^4] + "AAAA" }, ChosenPassword));
        await AssertInvalidLinkAsync(await AcceptAsync(link with { UserId = tenant.AdminId }, ChosenPassword));
        var weak = await AcceptAsync(link, "corta");
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("password", await weak.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var noDigits = await AcceptAsync(link, "soloLetrasLargas");
        Assert.Equal(HttpStatusCode.BadRequest, noDigits.StatusCode);
        Assert.Contains("\"password\"", await noDigits.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await AcceptAsync(link, ChosenPassword)).StatusCode);
    }

    [Fact]
    public async Task Resending_mails_a_new_link_that_retires_the_old_one_and_is_refused_once_accepted()
    {
        var tenant = await app.OnboardAsync();
        var invited = await InviteAsync(tenant, ["Viewer"]);
        var first = (await app.WaitForMailAsync(invited.Email)).Link();

        Assert.Equal(HttpStatusCode.Accepted, (await tenant.Admin.PostAsync($"/api/staff/{invited.Id}/invitation", null)).StatusCode);
        var second = (await app.WaitForMailAsync(invited.Email, count: 2)).Link();
        Assert.NotEqual(first.Token, second.Token);

        await AssertInvalidLinkAsync(await AcceptAsync(first, ChosenPassword));
        Assert.Equal(HttpStatusCode.NoContent, (await AcceptAsync(second, ChosenPassword)).StatusCode);
        var resend = await tenant.Admin.PostAsync($"/api/staff/{invited.Id}/invitation", null);
        Assert.Equal(HttpStatusCode.Conflict, resend.StatusCode);
        Assert.Equal("application/problem+json", resend.Content.Headers.ContentType?.MediaType);
        var created = await tenant.CreateStaffAsync("Viewer");
        Assert.Equal(HttpStatusCode.Conflict, (await tenant.Admin.PostAsync($"/api/staff/{created.Id}/invitation", null)).StatusCode);
    }

    [Fact]
    public async Task A_deactivated_invitee_cannot_accept()
    {
        var tenant = await app.OnboardAsync();
        var invited = await InviteAsync(tenant, ["Viewer"]);
        var link = (await app.WaitForMailAsync(invited.Email)).Link();

        await (await tenant.Admin.PostAsync($"/api/staff/{invited.Id}/deactivate", null)).ReadAsync<StaffDetails>();

        await AssertInvalidLinkAsync(await AcceptAsync(link, ChosenPassword));
    }

    [Fact]
    public async Task Regions_outside_the_tenants_are_refused_on_create_invite_and_update()
    {
        var tenant = await app.OnboardAsync(); // regions PE-CUS and PE-PUN
        var email = $"{Scenario.Unique("lejos")}@{tenant.Slug}.test";

        await AssertRegionsRefusedAsync(await tenant.Admin.PostAsJsonAsync("/api/staff/invitations",
            new InviteStaffRequest("Lucía Mamani", email, ["Viewer"], null, ["PE-CUS", "PE-LOR"], null, null)));
        await AssertRegionsRefusedAsync(await tenant.Admin.PostAsJsonAsync("/api/staff",
            new CreateStaffRequest("Lucía Mamani", email, Scenario.Password, ["Viewer"], null, ["PE-LOR"], null, null)));
        var staff = await tenant.CreateStaffAsync("Viewer");
        await AssertRegionsRefusedAsync(await tenant.Admin.PutAsJsonAsync($"/api/staff/{staff.Id}",
            new UpdateStaffRequest("Juan Pérez Huamán", null, ["PE-PUN", "PE-LOR"], null, null)));

        Assert.Empty(await app.MessagesToAsync(email));
        Assert.Equal(HttpStatusCode.OK, (await tenant.Admin.PutAsJsonAsync($"/api/staff/{staff.Id}",
            new UpdateStaffRequest("Juan Pérez Huamán", null, ["PE-PUN"], null, null))).StatusCode);
    }

    [Fact]
    public async Task Another_tenants_admin_can_neither_invite_into_nor_resend_nor_see_a_tenants_invitations()
    {
        var a = await app.OnboardAsync();
        var b = await app.OnboardAsync();
        var unitA = await a.CreateOrgUnitAsync("Agencia Zonal Urubamba");
        var invitedByA = await InviteAsync(a, ["Viewer"]);

        Assert.Equal(HttpStatusCode.NotFound, (await b.Admin.PostAsync($"/api/staff/{invitedByA.Id}/invitation", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Admin.GetAsync($"/api/staff/{invitedByA.Id}")).StatusCode);
        var intoA = await b.Admin.PostAsJsonAsync("/api/staff/invitations",
            new InviteStaffRequest("Intrusa", $"intrusa@{b.Slug}.test", ["Viewer"], unitA.Id, null, null, null));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, intoA.StatusCode);
        Assert.DoesNotContain((await b.Admin.PageAsync<StaffSummary>("/api/staff?pageSize=200")).Items, s => s.Id == invitedByA.Id);
        // The invitation's own mail leaves in the background; b's refused resend must not have added a second one.
        await app.WaitForMailAsync(invitedByA.Email);
        await Task.Delay(500);
        Assert.Single(await app.MessagesToAsync(invitedByA.Email));
    }

    private async Task<StaffDetails> InviteAsync(OnboardedTenant tenant, string[] roles)
    {
        var request = new InviteStaffRequest("Ana Condori Quispe", $"{Scenario.Unique("inv")}@{tenant.Slug}.test", roles, null, ["PE-CUS"], null, null);
        var response = await tenant.Admin.PostAsJsonAsync("/api/staff/invitations", request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<StaffDetails>();
    }

    private Task<HttpResponseMessage> AcceptAsync(MailedLink link, string password) =>
        app.CreateClient().PostAsJsonAsync("/api/account/invitation/accept", new AccountLinkRequest(link.UserId, link.Token, password));

    internal static async Task AssertInvalidLinkAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"field\":\"token\"", await response.Content.ReadAsStringAsync());
    }

    private static async Task AssertRegionsRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"field\":\"regions\"", body);
        Assert.Contains("PE-LOR", body);
    }
}

/// <summary>The Tenants service with invitation links that live two seconds.</summary>
public sealed class ShortLinksTenantsApp : TenantsApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Accounts:InvitationLifespan", "00:00:02");
    }
}

public sealed class InvitationExpiryTests(ShortLinksTenantsApp app) : IClassFixture<ShortLinksTenantsApp>
{
    [Fact]
    public async Task An_invitation_accepted_after_its_lifespan_is_refused()
    {
        var tenant = await app.OnboardAsync();
        var email = $"{Scenario.Unique("tarde")}@{tenant.Slug}.test";
        await (await tenant.Admin.PostAsJsonAsync("/api/staff/invitations", new InviteStaffRequest("Tomás Huamán", email, ["Viewer"], null, null, null, null)))
            .ReadAsync<StaffDetails>();
        var link = (await app.WaitForMailAsync(email)).Link();

        await Task.Delay(TimeSpan.FromSeconds(3));

        await InvitationTests.AssertInvalidLinkAsync(await app.CreateClient().PostAsJsonAsync("/api/account/invitation/accept",
            new AccountLinkRequest(link.UserId, link.Token, "Elegida-Por-Mi-2026!")));
    }
}
