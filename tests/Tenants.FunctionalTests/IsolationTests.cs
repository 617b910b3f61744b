using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.Tenants.Audit;
using RedesPlataforma.Tenants.Infrastructure;
using RedesPlataforma.Tenants.OrgUnits;
using RedesPlataforma.Tenants.Staff;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Tenants.FunctionalTests;

[Collection(TenantsHost.Name)]
public sealed class IsolationTests(TenantsApp app)
{
    [Fact]
    public async Task One_tenants_staff_org_units_and_audit_are_invisible_and_untouchable_for_another()
    {
        var a = await app.OnboardAsync();
        var b = await app.OnboardAsync();
        var unitA = await a.CreateOrgUnitAsync("Agencia Zonal Sicuani");
        var staffA = await a.CreateStaffAsync("Specialist");

        Assert.Equal(HttpStatusCode.NotFound, (await b.Admin.GetAsync($"/api/staff/{staffA.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Admin.PutAsJsonAsync($"/api/staff/{staffA.Id}", new UpdateStaffRequest("Robado", null, null, null, null))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Admin.PutAsJsonAsync($"/api/staff/{staffA.Id}/roles", new RolesRequest(["Viewer"]))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Admin.PutAsJsonAsync($"/api/staff/{staffA.Id}/selection-criteria", new SelectionCriteriaRequest(false, false, false, null))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Admin.PostAsJsonAsync($"/api/staff/{staffA.Id}/trainings", new TrainingRequest("Módulo robado", new DateOnly(2025, 1, 1), 1, true))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Admin.PostAsync($"/api/staff/{staffA.Id}/deactivate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Admin.GetAsync($"/api/org-units/{unitA.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Admin.PutAsJsonAsync($"/api/org-units/{unitA.Id}", new OrgUnitRequest("Robada", OrgUnitKind.Sede, "PE-PUN", null))).StatusCode);

        // B cannot attach its staff to A's org unit: it does not exist for B.
        var attach = await b.Admin.PostAsJsonAsync("/api/staff", new CreateStaffRequest("Ana Condori", $"ana@{b.Slug}.test", Scenario.Password, ["Viewer"], unitA.Id, null, null, null));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, attach.StatusCode);

        var staffSeenByB = await b.Admin.PageAsync<StaffSummary>("/api/staff?pageSize=200");
        Assert.Equal([b.AdminId], staffSeenByB.Items.Select(s => s.Id));
        Assert.Equal(1, staffSeenByB.TotalCount);
        Assert.Equal(0, (await b.Admin.PageAsync<OrgUnitDto>("/api/org-units")).TotalCount);
        var auditSeenByB = await b.Admin.PageAsync<AuditEntryDto>("/api/audit?pageSize=200");
        Assert.DoesNotContain(auditSeenByB.Items, e => e.TargetId == staffA.Id.ToString() || e.TargetId == unitA.Id.ToString() || e.TargetId == a.TenantId.ToString());

        // A still sees its own, unchanged.
        var staffSeenByA = await (await a.Admin.GetAsync($"/api/staff/{staffA.Id}")).ReadAsync<StaffDetails>();
        Assert.True(staffSeenByA.IsActive);
        Assert.Equal("Juan Pérez Huamán", staffSeenByA.FullName);
    }

    [Fact]
    public async Task Row_level_security_returns_only_the_current_tenants_rows_when_the_EF_filter_is_bypassed()
    {
        var a = await app.OnboardAsync();
        var b = await app.OnboardAsync();
        await a.CreateStaffAsync();
        await b.CreateStaffAsync();

        await using (var scope = TenantScope.Begin(app.Services, new TenantInfo(a.TenantId, a.Slug, a.Slug)))
        {
            var db = scope.Services.GetRequiredService<TenantsDb>();
            var viaEf = await db.StaffMembers.IgnoreQueryFilters([TenantModelConventions.FilterName]).Select(s => s.TenantId).Distinct().ToListAsync();
            var viaSql = await db.Database.SqlQuery<Guid>($"SELECT tenant_id AS \"Value\" FROM staff_members").Distinct().ToListAsync();
            var renamed = await db.StaffMembers.IgnoreQueryFilters([TenantModelConventions.FilterName]).ExecuteUpdateAsync(s => s.SetProperty(x => x.Phone, "999999999"));

            Assert.Equal([a.TenantId], viaEf);
            Assert.Equal([a.TenantId], viaSql);
            Assert.Equal(2, renamed); // A's admin and A's specialist, never B's rows
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            using var noTenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(null);
            var db = scope.ServiceProvider.GetRequiredService<TenantsDb>();
            Assert.Equal(0, await db.StaffMembers.IgnoreQueryFilters([TenantModelConventions.FilterName]).CountAsync());
            Assert.Equal(0, await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM audit_entries").SingleAsync());
        }

        await using (var scope = TenantScope.Begin(app.Services, new TenantInfo(b.TenantId, b.Slug, b.Slug)))
        {
            var db = scope.Services.GetRequiredService<TenantsDb>();
            Assert.DoesNotContain("999999999", await db.StaffMembers.Select(s => s.Phone).ToListAsync());
        }
    }

    [Fact]
    public async Task Row_level_security_refuses_inserting_a_row_for_another_tenant_even_with_raw_SQL()
    {
        var a = await app.OnboardAsync();
        var b = await app.OnboardAsync();

        await using var scope = TenantScope.Begin(app.Services, new TenantInfo(a.TenantId, a.Slug, a.Slug));
        var db = scope.Services.GetRequiredService<TenantsDb>();
        var insert = () => db.Database.ExecuteSqlAsync(
            $"INSERT INTO org_units (id, tenant_id, name, kind, region_code, created_at, updated_at) VALUES ({Guid.NewGuid()}, {b.TenantId}, 'Intrusa', 'Sede', 'PE-PUN', now(), now())");
        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(insert);
        Assert.Equal("42501", error.SqlState); // insufficient_privilege: new row violates row-level security policy
    }

    [Fact]
    public async Task Every_tenant_owned_table_has_forced_row_level_security_and_the_service_role_cannot_bypass_it()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TenantsDb>();
        var tables = db.Model.GetEntityTypes().Where(TenantModelConventions.IsTenantOwned).Select(e => e.GetTableName()!).Distinct().ToList();
        Assert.NotEmpty(tables);

        await using var owner = new Npgsql.NpgsqlConnection(app.Database.OwnerConnectionString);
        await owner.OpenAsync();
        foreach (var table in tables)
        {
            await using var command = new Npgsql.NpgsqlCommand(
                "SELECT c.relrowsecurity AND c.relforcerowsecurity AND EXISTS (SELECT 1 FROM pg_policies p WHERE p.tablename = c.relname AND p.policyname = @policy) FROM pg_class c WHERE c.relname = @table", owner);
            command.Parameters.AddWithValue("table", table);
            command.Parameters.AddWithValue("policy", RowLevelSecurity.PolicyName);
            Assert.True((bool)(await command.ExecuteScalarAsync())!, $"{table} lacks forced row-level security");
        }

        await using var role = new Npgsql.NpgsqlCommand("SELECT rolbypassrls OR rolsuper FROM pg_roles WHERE rolname = current_user", new Npgsql.NpgsqlConnection(app.Database.AppConnectionString));
        await role.Connection!.OpenAsync();
        Assert.False((bool)(await role.ExecuteScalarAsync())!);
        await role.Connection.DisposeAsync();
    }
}
