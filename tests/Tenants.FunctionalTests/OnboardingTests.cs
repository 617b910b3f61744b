using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Json;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.Tenants.Accounts;
using RedesPlataforma.Tenants.Audit;
using RedesPlataforma.Tenants.Institutions;
using RedesPlataforma.Tenants.Onboarding;
using RedesPlataforma.Tenants.Staff;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Tenants.FunctionalTests;

[Collection(TenantsHost.Name)]
public sealed class OnboardingTests(TenantsApp app)
{
    [Fact]
    public async Task An_approved_institution_gets_an_admin_who_creates_staff_who_sign_in_with_their_roles()
    {
        var tenant = await app.OnboardAsync();
        var adminClaims = Claims(await SignInAsync(tenant.AdminEmail));
        Assert.Equal(tenant.TenantId.ToString(), adminClaims["tenant"]);
        Assert.Equal(tenant.Slug, adminClaims["tenant_slug"]);
        Assert.Equal("TenantAdmin", adminClaims["role"]);

        var supervisor = await tenant.CreateStaffAsync("Supervisor", "Specialist");
        var token = new JwtSecurityTokenHandler().ReadJwtToken(await SignInAsync(supervisor.Email));
        Assert.Equal(tenant.TenantId.ToString(), token.Claims.Single(c => c.Type == "tenant").Value);
        Assert.Equal(["Specialist", "Supervisor"], token.Claims.Where(c => c.Type == "role").Select(c => c.Value).Order());
        Assert.Equal("RS256", token.Header.Alg);
        Assert.InRange(token.ValidTo - token.IssuedAt, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15));

        var me = await (await (await app.SignedInAsync(supervisor)).GetAsync("/api/account/me")).ReadAsync<MeDto>();
        Assert.Equal(supervisor.Id, me.Id);
        Assert.Equal(tenant.TenantId, me.Tenant!.Id);
    }

    [Fact]
    public async Task Approval_is_recorded_in_the_new_tenants_audit_log_and_cannot_happen_twice()
    {
        var slug = Scenario.Unique("audit");
        var national = await app.NationalClientAsync();
        var application = await (await app.CreateClient().PostAsJsonAsync("/api/onboarding/applications", Scenario.Application(slug))).ReadAsync<ApplicationDto>();
        Assert.Equal(ApplicationStatus.Pending, application.Status);

        Assert.Equal(HttpStatusCode.OK, (await national.PostAsync($"/api/onboarding/applications/{application.Id}/approve", null)).StatusCode);
        var again = await national.PostAsync($"/api/onboarding/applications/{application.Id}/approve", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);

        var admin = app.CreateClient().Authorize(await SignInAsync(application.AdminEmail));
        var audit = await admin.PageAsync<AuditEntryDto>("/api/audit");
        var approval = Assert.Single(audit.Items, e => e.Action == "tenant.approved");
        Assert.Equal(TenantsApp.NationalEmail, (await (await national.GetAsync("/api/account/me")).ReadAsync<MeDto>()).Email);
        Assert.NotNull(approval.ActorId);
    }

    [Fact]
    public async Task A_rejected_application_creates_no_tenant_and_frees_its_slug()
    {
        var slug = Scenario.Unique("rej");
        var national = await app.NationalClientAsync();
        var application = await (await app.CreateClient().PostAsJsonAsync("/api/onboarding/applications", Scenario.Application(slug))).ReadAsync<ApplicationDto>();

        var rejected = await (await national.PostAsJsonAsync($"/api/onboarding/applications/{application.Id}/reject", new RejectRequest("RUC no corresponde a la institución"))).ReadAsync<ApplicationDto>();
        Assert.Equal(ApplicationStatus.Rejected, rejected.Status);
        Assert.Null(rejected.TenantId);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.CreateClient().RequestTokenAsync(application.AdminEmail, Scenario.Password)).StatusCode);

        var retry = await app.CreateClient().PostAsJsonAsync("/api/onboarding/applications", Scenario.Application(slug) with { AdminEmail = $"otra@{slug}.test" });
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
    }

    [Fact]
    public async Task A_suspended_tenants_users_cannot_sign_in_until_it_is_reactivated()
    {
        var tenant = await app.OnboardAsync();
        var national = await app.NationalClientAsync();

        var suspended = await (await national.PostAsJsonAsync($"/api/tenants/{tenant.TenantId}/suspend", new SuspendRequest("Convenio vencido"))).ReadAsync<TenantDto>();
        Assert.Equal(TenantStatus.Suspended, suspended.Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.CreateClient().RequestTokenAsync(tenant.AdminEmail, Scenario.Password)).StatusCode);

        await (await national.PostAsync($"/api/tenants/{tenant.TenantId}/reactivate", null)).ReadAsync<TenantDto>();
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().RequestTokenAsync(tenant.AdminEmail, Scenario.Password)).StatusCode);
    }

    [Fact]
    public async Task A_tenant_admin_records_org_units_selection_criteria_and_trainings()
    {
        var tenant = await app.OnboardAsync();
        var unit = await tenant.CreateOrgUnitAsync("Dirección Zonal Cusco");
        var specialist = await tenant.CreateStaffAsync("Specialist");

        await (await tenant.Admin.PutAsJsonAsync($"/api/staff/{specialist.Id}", new UpdateStaffRequest("Juan Pérez Huamán", unit.Id, ["PE-CUS", "PE-PUN"], "45678912", "984123456"))).ReadAsync<StaffDetails>();
        await (await tenant.Admin.PutAsJsonAsync($"/api/staff/{specialist.Id}/selection-criteria", new SelectionCriteriaRequest(true, true, true, "Conoce la cadena del cuy"))).ReadAsync<StaffDetails>();
        await (await tenant.Admin.PostAsJsonAsync($"/api/staff/{specialist.Id}/trainings", new TrainingRequest("Metodología de redes empresariales", new DateOnly(2025, 3, 14), 40, true))).ReadAsync<TrainingDto>();

        var details = await (await tenant.Admin.GetAsync($"/api/staff/{specialist.Id}")).ReadAsync<StaffDetails>();
        Assert.Equal(unit.Id, details.OrgUnitId);
        Assert.Equal(["PE-CUS", "PE-PUN"], details.Regions);
        Assert.True(details.Selection.IsMet);
        Assert.Single(details.Trainings, t => t.Passed && t.Hours == 40);

        var trained = await tenant.Admin.PageAsync<StaffSummary>($"/api/staff?trained=true&orgUnitId={unit.Id}");
        Assert.Equal(specialist.Id, Assert.Single(trained.Items).Id);
        var byRole = await tenant.Admin.PageAsync<StaffSummary>("/api/staff?role=TenantAdmin");
        Assert.Equal(tenant.AdminId, Assert.Single(byRole.Items).Id);
    }

    [Fact]
    public async Task A_deactivated_staff_member_can_no_longer_sign_in_or_refresh()
    {
        var tenant = await app.OnboardAsync();
        var specialist = await tenant.CreateStaffAsync("Specialist");
        var tokens = await app.CreateClient().SignInAsync(specialist.Email, specialist.Password);

        await (await tenant.Admin.PostAsync($"/api/staff/{specialist.Id}/deactivate", null)).ReadAsync<StaffDetails>();

        Assert.Equal(HttpStatusCode.BadRequest, (await app.CreateClient().RequestTokenAsync(specialist.Email, specialist.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.CreateClient().RefreshAsync(tokens.RefreshToken!)).StatusCode);
        var inactive = await tenant.Admin.PageAsync<StaffSummary>("/api/staff?active=false");
        Assert.Equal(specialist.Id, Assert.Single(inactive.Items).Id);
    }

    private async Task<string> SignInAsync(string email) => (await app.CreateClient().SignInAsync(email, Scenario.Password)).AccessToken;

    private static Dictionary<string, string> Claims(string jwt) =>
        new JwtSecurityTokenHandler().ReadJwtToken(jwt).Claims.GroupBy(c => c.Type).ToDictionary(g => g.Key, g => g.First().Value);
}
