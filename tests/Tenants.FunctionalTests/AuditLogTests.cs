using System.Net;
using System.Net.Http.Json;
using RedesPlataforma.Tenants.Audit;
using RedesPlataforma.Tenants.OrgUnits;
using RedesPlataforma.Tenants.Staff;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Tenants.FunctionalTests;

[Collection(TenantsHost.Name)]
public sealed class AuditLogTests(TenantsApp app)
{
    [Fact]
    public async Task The_audit_log_filters_by_actor_action_prefix_and_Peru_dates()
    {
        var tenant = await app.OnboardAsync();
        var staff = await tenant.CreateStaffAsync("Viewer");
        await (await tenant.Admin.PutAsJsonAsync($"/api/staff/{staff.Id}/roles", new RolesRequest(["Supervisor"]))).ReadAsync<StaffDetails>();
        await tenant.CreateOrgUnitAsync("Dirección Zonal Puno");

        var staffActions = await tenant.Admin.PageAsync<AuditEntryDto>("/api/audit?action=staff.");
        Assert.Equal(["staff.created", "staff.roles_changed"], staffActions.Items.Select(e => e.Action).Order());
        var byAdmin = await tenant.Admin.PageAsync<AuditEntryDto>($"/api/audit?actor={tenant.AdminId}");
        Assert.All(byAdmin.Items, e => Assert.Equal(tenant.AdminId, e.ActorId));
        Assert.DoesNotContain(byAdmin.Items, e => e.Action == "tenant.approved"); // the national unit approved
        Assert.Contains(byAdmin.Items, e => e.Action.StartsWith("org_unit"));

        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(-5)).Date;
        Assert.Equal(byAdmin.TotalCount, (await tenant.Admin.PageAsync<AuditEntryDto>($"/api/audit?actor={tenant.AdminId}&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}")).TotalCount);
        Assert.Equal(0, (await tenant.Admin.PageAsync<AuditEntryDto>($"/api/audit?from={today.AddDays(1):yyyy-MM-dd}")).TotalCount);
        Assert.Equal(0, (await tenant.Admin.PageAsync<AuditEntryDto>($"/api/audit?to={today.AddDays(-1):yyyy-MM-dd}")).TotalCount);
    }

    [Fact]
    public async Task The_CSV_export_has_the_filtered_rows_and_defuses_cells_a_spreadsheet_would_run()
    {
        const string Formula = "=cmd|' /C calc'!A0";
        var tenant = await app.OnboardAsync();
        // The actor's name comes from their token: an admin named like a formula signs in again and acts.
        await (await tenant.Admin.PutAsJsonAsync($"/api/staff/{tenant.AdminId}", new UpdateStaffRequest(Formula, null, null, null, null))).ReadAsync<StaffDetails>();
        var renamedAdmin = app.CreateClient().Authorize((await app.CreateClient().SignInAsync(tenant.AdminEmail, Scenario.Password)).AccessToken);
        await (await renamedAdmin.PostAsJsonAsync("/api/org-units", new OrgUnitRequest("Agencia Zonal Juliaca", OrgUnitKind.AgenciaZonal, "PE-PUN", null))).ReadAsync<OrgUnitDto>();
        await (await renamedAdmin.PostAsJsonAsync("/api/org-units", new OrgUnitRequest("-Sede Puno", OrgUnitKind.Sede, "PE-PUN", null))).ReadAsync<OrgUnitDto>();

        var response = await tenant.Admin.GetAsync("/api/audit/export.csv?action=org_unit.");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("at,actorId,actorName,action,targetType,targetId,details", lines[0]);
        Assert.Equal(2, lines.Length - 1);
        Assert.All(lines[1..], l => Assert.Contains($",{tenant.AdminId},\"'{Formula}\",org_unit.created,OrgUnit,", l));
        Assert.DoesNotContain(lines, l => l.Contains("," + Formula));
        Assert.DoesNotContain(lines, l => l.Contains("staff.updated"));
    }
}
