using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using RedesPlataforma.BuildingBlocks.MultiTenancy;

namespace RedesPlataforma.Reporting.Infrastructure;

/// <summary>
/// Who reads which read model, in the database (docs/decisions/0007-reporting-read-models.md). Every tenant-owned table
/// has the standard fail-closed tenant policy. The breakdown cells and the institutions' directory have one more,
/// read-only policy for the national scope: a session whose <c>app.reporting_scope</c> is <c>national</c> reads every
/// tenant's rows of those two tables and nothing else. Only <see cref="NationalCells"/> opens such sessions (the setting
/// is a startup option of its own connection pool, so no tenant connection ever carries it), and no other table has
/// such a policy, so the national path cannot read a single entity row, or a finer cell, even by mistake. The one
/// figure that is not a sum, people counted once across institutions, comes from <see cref="UniqueProducersView"/>:
/// the national scope reads that count, never the DNI hashes or tenants it is counted from (docs/decisions/0026).
/// </summary>
public static class ReadModelAccess
{
    public const string ScopeSetting = "app.reporting_scope";
    public const string NationalScope = "national";

    public static readonly string[] EntityTables =
        ["staff_members", "producers", "networks", "monitoring_records", "business_plans", "disbursements", "contributions"];

    public static readonly string[] CellTables =
    [
        "specialist_cells", "producer_cells", "producer_month_cells", "network_cells", "financing_cells", "financing_month_cells",
        "monitoring_cells", "monitoring_month_cells", "breakdown_cells", "person_cells",
    ];

    /// <summary>One row, one column: how many distinct DNI hashes the person cells hold, across every tenant.</summary>
    public const string UniqueProducersView = "national_unique_producers";

    /// <summary>What the national scope reads.</summary>
    public static readonly string[] NationalTables = ["institutions", "breakdown_cells"];

    public static IEnumerable<string> TenantOwnedTables => [.. EntityTables, "institutions", .. CellTables];

    public static IEnumerable<string> AllTables => [.. TenantOwnedTables, "programmes"];

    const string Current = $"NULLIF(current_setting('{TenantConnectionInterceptor.Setting}', true), '')::uuid";

    /// <summary>
    /// Programmes: national ones (no owner) are readable by everyone, a tenant's only by it; a row is written only by
    /// a session of its owner (none for national ones), like the Financing service's own policy.
    /// </summary>
    const string ProgrammesSql = $"""
        ALTER TABLE "programmes" ENABLE ROW LEVEL SECURITY;
        ALTER TABLE "programmes" FORCE ROW LEVEL SECURITY;
        CREATE POLICY programme_read ON "programmes" FOR SELECT USING (owner_tenant_id IS NULL OR owner_tenant_id = {Current});
        CREATE POLICY programme_write ON "programmes" USING (owner_tenant_id IS NOT DISTINCT FROM {Current})
            WITH CHECK (owner_tenant_id IS NOT DISTINCT FROM {Current});
        """;

    public static MigrationBuilder AllowNationalRead(this MigrationBuilder migrationBuilder, params string[] tables)
    {
        foreach (var table in tables)
            migrationBuilder.Sql($"""
                CREATE POLICY national_read ON "{table}" FOR SELECT
                    USING (current_setting('{ScopeSetting}', true) = '{NationalScope}');
                """);
        return migrationBuilder;
    }

    public static MigrationBuilder RevokeNationalRead(this MigrationBuilder migrationBuilder, params string[] tables)
    {
        foreach (var table in tables) migrationBuilder.Sql($"""DROP POLICY national_read ON "{table}";""");
        return migrationBuilder;
    }

    /// <summary>
    /// The view runs as its owner, the migrating role, so the policy that lets it count every tenant's person cells is
    /// granted to that role alone, and only in the national scope: the service's role, national or not, still reads no
    /// other tenant's person cell, and no national session can select a hash.
    /// </summary>
    public static MigrationBuilder CreateUniqueProducersView(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            CREATE POLICY national_count ON "person_cells" FOR SELECT TO CURRENT_USER
                USING (current_setting('{ScopeSetting}', true) = '{NationalScope}');
            CREATE VIEW {UniqueProducersView} AS SELECT count(DISTINCT dni_hash)::int AS unique_producers FROM "person_cells";
            """);
        return migrationBuilder;
    }

    public static MigrationBuilder DropUniqueProducersView(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            DROP VIEW {UniqueProducersView};
            DROP POLICY national_count ON "person_cells";
            """);
        return migrationBuilder;
    }

    public static MigrationBuilder EnableProgrammeSecurity(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(ProgrammesSql);
        return migrationBuilder;
    }

    /// <summary>The service's connection string with the national scope as a startup option of every session.</summary>
    public static string NationalConnectionString(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Options = $"-c {ScopeSetting}={NationalScope}" }.ConnectionString;
}
