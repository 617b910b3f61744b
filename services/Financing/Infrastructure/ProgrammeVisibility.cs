using Microsoft.EntityFrameworkCore.Migrations;
using RedesPlataforma.BuildingBlocks.MultiTenancy;

namespace RedesPlataforma.Financing.Infrastructure;

/// <summary>
/// Row-level security for <c>programmes</c>, which is not tenant-owned: a national programme (no owner) is readable by
/// everyone, a tenant programme only by its owner. Writes are narrower: a row can only be inserted, changed or deleted
/// when its owner is exactly the connection's tenant, so a tenant can never touch a national programme (nor another
/// tenant's) and the national unit (no tenant) only national ones. Fails closed like the tenant policy: an unset tenant
/// is NULL, which owns nothing but the national rows. See docs/decisions/0006-financing-programmes-visibility.md.
/// </summary>
public static class ProgrammeVisibility
{
    /// <summary>The connection's tenant, NULL when none is set (the national unit, or no one).</summary>
    internal const string Current = $"NULLIF(current_setting('{TenantConnectionInterceptor.Setting}', true), '')::uuid";

    public const string EnableSql = $"""
        ALTER TABLE "programmes" ENABLE ROW LEVEL SECURITY;
        ALTER TABLE "programmes" FORCE ROW LEVEL SECURITY;
        CREATE POLICY programme_read ON "programmes" FOR SELECT
            USING (owner_tenant_id IS NULL OR owner_tenant_id = {Current});
        CREATE POLICY programme_insert ON "programmes" FOR INSERT
            WITH CHECK (owner_tenant_id IS NOT DISTINCT FROM {Current});
        CREATE POLICY programme_update ON "programmes" FOR UPDATE
            USING (owner_tenant_id IS NOT DISTINCT FROM {Current})
            WITH CHECK (owner_tenant_id IS NOT DISTINCT FROM {Current});
        CREATE POLICY programme_delete ON "programmes" FOR DELETE
            USING (owner_tenant_id IS NOT DISTINCT FROM {Current});
        """;

    public static MigrationBuilder EnableProgrammeVisibility(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(EnableSql);
        return migrationBuilder;
    }
}
