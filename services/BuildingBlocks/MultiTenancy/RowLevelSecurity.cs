using Microsoft.EntityFrameworkCore.Migrations;

namespace RedesPlataforma.BuildingBlocks.MultiTenancy;

/// <summary>
/// Row-level security is the second wall behind the EF filter: raw SQL, ExecuteUpdate or a forgotten filter
/// still see one tenant's rows, and none when no tenant is set (NULLIF turns the unset setting into NULL, which matches nothing).
/// </summary>
public static class RowLevelSecurity
{
    public const string PolicyName = "tenant_isolation";

    public static string EnableSql(string table) => $"""
        ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY;
        ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY;
        DROP POLICY IF EXISTS {PolicyName} ON "{table}";
        CREATE POLICY {PolicyName} ON "{table}"
            USING (tenant_id = NULLIF(current_setting('{TenantConnectionInterceptor.Setting}', true), '')::uuid)
            WITH CHECK (tenant_id = NULLIF(current_setting('{TenantConnectionInterceptor.Setting}', true), '')::uuid);
        """;

    public static string DisableSql(string table) => $"""
        DROP POLICY IF EXISTS {PolicyName} ON "{table}";
        ALTER TABLE "{table}" NO FORCE ROW LEVEL SECURITY;
        ALTER TABLE "{table}" DISABLE ROW LEVEL SECURITY;
        """;

    /// <summary>Use in a migration right after creating a tenant-owned table.</summary>
    public static MigrationBuilder EnableTenantRowLevelSecurity(this MigrationBuilder migrationBuilder, params string[] tables)
    {
        foreach (var table in tables) migrationBuilder.Sql(EnableSql(table));
        return migrationBuilder;
    }

    public static MigrationBuilder DisableTenantRowLevelSecurity(this MigrationBuilder migrationBuilder, params string[] tables)
    {
        foreach (var table in tables) migrationBuilder.Sql(DisableSql(table));
        return migrationBuilder;
    }
}
