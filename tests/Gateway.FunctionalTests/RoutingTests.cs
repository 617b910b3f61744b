using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.Tenants.Accounts;
using RedesPlataforma.Tenants.Institutions;
using RedesPlataforma.Tenants.Onboarding;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Gateway.FunctionalTests;

public sealed class RoutingTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    [Fact]
    public async Task A_national_token_obtained_through_the_gateway_lists_tenants_through_the_gateway()
    {
        var tenant = await app.Tenants.OnboardAsync();
        var national = await app.SignedInAsync(TenantsApp.NationalEmail, TenantsApp.NationalPassword);

        var response = await national.GetAsync($"/api/tenants?search={tenant.Slug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([tenant.TenantId], (await response.ReadAsync<Page<TenantDto>>()).Items.Select(t => t.Id));
    }

    [Fact]
    public async Task Onboarding_approval_staff_creation_and_staff_sign_in_all_work_through_the_gateway()
    {
        var national = await app.SignedInAsync(TenantsApp.NationalEmail, TenantsApp.NationalPassword);
        var slug = Scenario.Unique("gw");

        var applied = await app.Client().PostAsJsonAsync("/api/onboarding/applications", Scenario.Application(slug));
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var application = await applied.ReadAsync<ApplicationDto>();
        var tenant = await (await national.PostAsync($"/api/onboarding/applications/{application.Id}/approve", null)).ReadAsync<TenantDto>();

        var admin = await app.SignedInAsync(application.AdminEmail, Scenario.Password);
        var adminMe = await (await admin.GetAsync("/api/account/me")).ReadAsync<MeDto>();
        var staff = await new OnboardedTenant(tenant.Id, slug, application.AdminEmail, adminMe.Id, admin).CreateStaffAsync("Specialist");

        var staffClient = await app.SignedInAsync(staff.Email, staff.Password);
        var staffMe = await (await staffClient.GetAsync("/api/account/me")).ReadAsync<MeDto>();
        Assert.Equal(staff.Id, staffMe.Id);
        Assert.Equal(tenant.Id, staffMe.Tenant?.Id);
        Assert.Equal(tenant.Id, (await (await staffClient.GetAsync("/api/tenants/current")).ReadAsync<TenantDto>()).Id);
    }

    [Theory]
    [InlineData("/api/staff")]
    [InlineData("/api/tenants")]
    [InlineData("/api/networks/anything")]
    [InlineData("/api/onboarding/applications")]
    public async Task A_request_without_a_token_gets_a_401_problem_from_the_gateway(string path)
    {
        var response = await app.Client().GetAsync(path);

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task An_anonymous_application_is_let_through_to_the_tenants_service()
    {
        var slug = Scenario.Unique("anon");

        var response = await app.Client().PostAsJsonAsync("/api/onboarding/applications", Scenario.Application(slug));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(slug, (await response.ReadAsync<ApplicationDto>()).Slug);
    }

    [Fact]
    public async Task The_portals_anonymous_account_and_status_calls_reach_the_tenants_service_and_nothing_else_beside_them_does()
    {
        var client = app.Client();
        var link = new AccountLinkRequest(Guid.NewGuid(), "garbled", "Clave-Segura-2026!");

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/account/password-reset", new PasswordResetRequest("nadie@gw.test"))).StatusCode);
        await Problem.AssertAsync(await client.PostAsJsonAsync("/api/account/password-reset/confirm", link), HttpStatusCode.BadRequest);
        await Problem.AssertAsync(await client.PostAsJsonAsync("/api/account/invitation/accept", link), HttpStatusCode.BadRequest);
        await Problem.AssertAsync(await client.GetAsync($"/api/onboarding/applications/{Guid.NewGuid()}/status?ruc=20131312955"), HttpStatusCode.NotFound);

        // Only those methods and paths are anonymous: the rest of /api/account and /api/onboarding still needs a token.
        await Problem.AssertAsync(await client.GetAsync("/api/account/password-reset"), HttpStatusCode.Unauthorized);
        await Problem.AssertAsync(await client.PostAsync($"/api/onboarding/applications/{Guid.NewGuid()}/status", null), HttpStatusCode.Unauthorized);
        await Problem.AssertAsync(await client.PutAsJsonAsync("/api/account/language", new LanguageRequest("en")), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_discovery_document_is_anonymous_and_names_the_tenants_issuer()
    {
        var response = await app.Client().GetAsync("/.well-known/openid-configuration");

        var discovery = await response.ReadAsync<JsonElement>();
        Assert.Equal(app.Tenants.BaseAddress.ToString(), discovery.GetProperty("issuer").GetString());
    }

    [Theory]
    [InlineData("/api/networks/x", "networks")]
    [InlineData("/api/financing/x", "financing")]
    [InlineData("/api/national/reviews", "financing")]
    [InlineData("/api/national/reviews/x/approve", "financing")]
    [InlineData("/api/reporting/x", "reporting")]
    public async Task A_service_not_deployed_yet_answers_a_503_problem(string path, string service)
    {
        var national = await app.SignedInAsync(TenantsApp.NationalEmail, TenantsApp.NationalPassword);

        var problem = await Problem.AssertAsync(await national.GetAsync(path), HttpStatusCode.ServiceUnavailable);

        Assert.Equal(service, problem.GetProperty("service").GetString());
    }
}
