using System.Net;
using System.Net.Http.Json;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.Tenants.Accounts;
using RedesPlataforma.Tenants.Institutions;
using RedesPlataforma.Tenants.Onboarding;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Tenants.FunctionalTests;

/// <summary>What the portal's public pages and the national unit's desk ask of applications and tenants.</summary>
[Collection(TenantsHost.Name)]
public sealed class PortalOnboardingTests(TenantsApp app)
{
    [Fact]
    public async Task An_applicant_reads_the_status_with_the_right_RUC_only()
    {
        var request = Scenario.Application(Scenario.Unique("estado"));
        var application = await (await app.CreateClient().PostAsJsonAsync("/api/onboarding/applications", request)).ReadAsync<ApplicationDto>();
        var anonymous = app.CreateClient();

        var pending = await (await anonymous.GetAsync($"/api/onboarding/applications/{application.Id}/status?ruc={request.Ruc}")).ReadAsync<ApplicationStatusDto>();
        Assert.Equal((request.InstitutionName, ApplicationStatus.Pending, (DateTimeOffset?)null), (pending.InstitutionName, pending.Status, pending.DecidedAt));

        var national = await app.NationalClientAsync();
        await (await national.PostAsJsonAsync($"/api/onboarding/applications/{application.Id}/reject", new RejectRequest("Faltan documentos"))).ReadAsync<ApplicationDto>();
        var rejected = await (await anonymous.GetAsync($"/api/onboarding/applications/{application.Id}/status?ruc={request.Ruc}")).ReadAsync<ApplicationStatusDto>();
        Assert.Equal((ApplicationStatus.Rejected, "Faltan documentos"), (rejected.Status, rejected.DecisionReason));
        Assert.NotNull(rejected.DecidedAt);

        var wrongRuc = await anonymous.GetAsync($"/api/onboarding/applications/{application.Id}/status?ruc={Scenario.NewRuc()}");
        var noRuc = await anonymous.GetAsync($"/api/onboarding/applications/{application.Id}/status");
        var unknownId = await anonymous.GetAsync($"/api/onboarding/applications/{Guid.NewGuid()}/status?ruc={request.Ruc}");
        Assert.All([wrongRuc, noRuc, unknownId], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(await WithoutTraceAsync(unknownId), await WithoutTraceAsync(wrongRuc));
    }

    [Fact]
    public async Task A_RUC_already_on_the_platform_or_pending_and_a_pending_admin_email_are_refused()
    {
        var tenant = await app.OnboardAsync();
        var national = await app.NationalClientAsync();
        var tenantRuc = (await (await national.GetAsync($"/api/tenants/{tenant.TenantId}")).ReadAsync<TenantDto>()).Ruc;
        var client = app.CreateClient();

        await AssertConflictAsync(await client.PostAsJsonAsync("/api/onboarding/applications", Scenario.Application(Scenario.Unique("dup")) with { Ruc = tenantRuc }), "ruc");

        var pending = Scenario.Application(Scenario.Unique("pend"));
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/onboarding/applications", pending)).StatusCode);
        await AssertConflictAsync(await client.PostAsJsonAsync("/api/onboarding/applications", Scenario.Application(Scenario.Unique("dup")) with { Ruc = pending.Ruc }), "ruc");
        await AssertConflictAsync(await client.PostAsJsonAsync("/api/onboarding/applications",
            Scenario.Application(Scenario.Unique("dup")) with { AdminEmail = pending.AdminEmail.ToUpperInvariant() }), "adminEmail");
    }

    [Fact]
    public async Task A_tenants_history_keeps_activation_suspension_and_reactivation_with_reason_and_who()
    {
        var tenant = await app.OnboardAsync();
        var national = await app.NationalClientAsync();
        var nationalId = (await (await national.GetAsync("/api/account/me")).ReadAsync<MeDto>()).Id;

        await (await national.PostAsJsonAsync($"/api/tenants/{tenant.TenantId}/suspend", new SuspendRequest("Convenio vencido"))).ReadAsync<TenantDto>();
        await (await national.PostAsJsonAsync($"/api/tenants/{tenant.TenantId}/reactivate", new ReactivateRequest("Convenio renovado"))).ReadAsync<TenantDto>();
        await (await national.PostAsJsonAsync($"/api/tenants/{tenant.TenantId}/suspend", new SuspendRequest("Auditoría"))).ReadAsync<TenantDto>();
        await (await national.PostAsync($"/api/tenants/{tenant.TenantId}/reactivate", null)).ReadAsync<TenantDto>();

        var history = await (await national.GetAsync($"/api/tenants/{tenant.TenantId}/history")).ReadAsync<List<TenantStatusChangeDto>>();
        Assert.Equal(
            [(TenantStatus.Active, null), (TenantStatus.Suspended, "Convenio vencido"), (TenantStatus.Active, "Convenio renovado"), (TenantStatus.Suspended, "Auditoría"), (TenantStatus.Active, null)],
            history.Select(h => (h.Status, h.Reason)));
        Assert.All(history, h => Assert.Equal(nationalId, h.ChangedBy));
        Assert.Equal(history.OrderBy(h => h.At).Select(h => h.At), history.Select(h => h.At));

        Assert.Equal(HttpStatusCode.NotFound, (await national.GetAsync($"/api/tenants/{Guid.NewGuid()}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tenant.Admin.GetAsync($"/api/tenants/{tenant.TenantId}/history")).StatusCode);
    }

    [Fact]
    public async Task Tenants_are_searched_by_part_of_the_name_slug_or_RUC_in_any_case_and_filtered_by_status()
    {
        var tenant = await app.OnboardAsync();
        var other = await app.OnboardAsync();
        var national = await app.NationalClientAsync();
        var dto = await (await national.GetAsync($"/api/tenants/{tenant.TenantId}")).ReadAsync<TenantDto>();

        foreach (var search in new[] { dto.Name[^6..].ToUpperInvariant(), tenant.Slug.ToUpperInvariant(), dto.Ruc[2..9] })
        {
            var found = await national.PageAsync<TenantDto>($"/api/tenants?search={Uri.EscapeDataString(search)}&pageSize=200");
            Assert.Contains(found.Items, t => t.Id == tenant.TenantId);
            Assert.DoesNotContain(found.Items, t => t.Id == other.TenantId);
        }

        await (await national.PostAsJsonAsync($"/api/tenants/{tenant.TenantId}/suspend", new SuspendRequest("Revisión"))).ReadAsync<TenantDto>();
        var suspended = await national.PageAsync<TenantDto>("/api/tenants?status=Suspended&pageSize=200");
        Assert.Contains(suspended.Items, t => t.Id == tenant.TenantId);
        Assert.DoesNotContain(suspended.Items, t => t.Id == other.TenantId);
    }

    private static async Task<string> WithoutTraceAsync(HttpResponseMessage response)
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("traceId");
        return body.ToJsonString();
    }

    private static async Task AssertConflictAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains($"\"field\":\"{field}\"", await response.Content.ReadAsStringAsync());
    }
}
