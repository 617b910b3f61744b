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

    /// <summary>
    /// Keeps the unique-producer count as the cells keep theirs, in the transaction that moves a person cell, instead of
    /// a <c>count(DISTINCT)</c> over every person cell on every national read (linear in producers: docs/scaling.md).
    /// A person cell row exists while its tenant counts the hash (cells left all zero are deleted), so triggers on
    /// <c>person_cells</c> move <c>person_hashes</c> (how many tenants count each hash) and, when a hash's tenants go
    /// 0 ↔ 1, one of 64 <c>unique_producer_shards</c> picked by the hash: a single count row would make every
    /// tenant's registrations wait for each other. A rebuild's TRUNCATE clears both. The triggers' function runs as
    /// the owner; the two tables are the owner's alone (forced row security, no policy for anyone else), so no tenant
    /// session reads another tenant's hashes.
    /// </summary>
    public static MigrationBuilder CountUniqueProducersOnWrite(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            CREATE TABLE person_hashes (dni_hash varchar(80) PRIMARY KEY, tenants int NOT NULL);
            CREATE TABLE unique_producer_shards (shard int PRIMARY KEY, producers int NOT NULL);
            ALTER TABLE person_hashes ENABLE ROW LEVEL SECURITY;
            ALTER TABLE person_hashes FORCE ROW LEVEL SECURITY;
            CREATE POLICY owner_only ON person_hashes TO CURRENT_USER USING (true);
            ALTER TABLE unique_producer_shards ENABLE ROW LEVEL SECURITY;
            ALTER TABLE unique_producer_shards FORCE ROW LEVEL SECURITY;
            CREATE POLICY owner_only ON unique_producer_shards TO CURRENT_USER USING (true);

            SELECT set_config('{ScopeSetting}', '{NationalScope}', true);
            INSERT INTO person_hashes SELECT dni_hash, count(*) FROM person_cells GROUP BY dni_hash;
            INSERT INTO unique_producer_shards SELECT s, (SELECT count(*) FROM person_hashes WHERE hashtext(dni_hash) & 63 = s)
                FROM generate_series(0, 63) s;
            SELECT set_config('{ScopeSetting}', '', true);

            -- Per statement (an import moves a thousand person cells at once), hashes and shards locked in key order, so two
            -- statements of different tenants cannot deadlock on them.
            CREATE FUNCTION person_cells_count_hashes() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
            DECLARE shards int[]; moves int[];
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    WITH counted AS (
                        INSERT INTO person_hashes AS h
                        SELECT dni_hash, count(*) FROM inserted GROUP BY dni_hash ORDER BY dni_hash
                        ON CONFLICT (dni_hash) DO UPDATE SET tenants = h.tenants + EXCLUDED.tenants
                        RETURNING h.dni_hash, h.xmax = 0 AS appeared)
                    SELECT array_agg(shard ORDER BY shard), array_agg(n ORDER BY shard) INTO shards, moves
                    FROM (SELECT hashtext(dni_hash) & 63 AS shard, count(*)::int AS n FROM counted WHERE appeared GROUP BY 1) s;
                ELSE
                    PERFORM 1 FROM person_hashes WHERE dni_hash IN (SELECT dni_hash FROM deleted) ORDER BY dni_hash FOR UPDATE;
                    WITH counted AS (
                        UPDATE person_hashes h SET tenants = h.tenants - d.n
                        FROM (SELECT dni_hash, count(*)::int AS n FROM deleted GROUP BY dni_hash) d
                        WHERE h.dni_hash = d.dni_hash RETURNING h.dni_hash, h.tenants)
                    SELECT array_agg(shard ORDER BY shard), array_agg(-n ORDER BY shard) INTO shards, moves
                    FROM (SELECT hashtext(dni_hash) & 63 AS shard, count(*)::int AS n FROM counted WHERE tenants = 0 GROUP BY 1) s;
                    DELETE FROM person_hashes WHERE tenants = 0 AND dni_hash IN (SELECT dni_hash FROM deleted);
                END IF;
                IF shards IS NOT NULL THEN
                    PERFORM 1 FROM unique_producer_shards WHERE shard = ANY(shards) ORDER BY shard FOR UPDATE;
                    UPDATE unique_producer_shards u SET producers = u.producers + m.n
                    FROM unnest(shards, moves) AS m(shard, n) WHERE u.shard = m.shard;
                END IF;
                RETURN NULL;
            END $$;
            CREATE TRIGGER person_cells_count_inserted AFTER INSERT ON person_cells
                REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION person_cells_count_hashes();
            CREATE TRIGGER person_cells_count_deleted AFTER DELETE ON person_cells
                REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION person_cells_count_hashes();

            CREATE FUNCTION person_cells_clear_hashes() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
            BEGIN
                TRUNCATE person_hashes;
                UPDATE unique_producer_shards SET producers = 0;
                RETURN NULL;
            END $$;
            CREATE TRIGGER person_cells_clear_hashes AFTER TRUNCATE ON person_cells
                FOR EACH STATEMENT EXECUTE FUNCTION person_cells_clear_hashes();

            -- A tenant session still counts its own people (row security shows it only its person cells); the national
            -- scope sums the shards, and PostgreSQL runs only the branch it takes.
            CREATE OR REPLACE VIEW {UniqueProducersView} AS
                SELECT (CASE WHEN current_setting('{ScopeSetting}', true) = '{NationalScope}'
                    THEN (SELECT coalesce(sum(producers), 0) FROM unique_producer_shards)
                    ELSE (SELECT count(DISTINCT dni_hash) FROM "person_cells") END)::int AS unique_producers;
            """);
        return migrationBuilder;
    }

    public static MigrationBuilder CountUniqueProducersOnRead(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            CREATE OR REPLACE VIEW {UniqueProducersView} AS SELECT count(DISTINCT dni_hash)::int AS unique_producers FROM "person_cells";
            DROP TRIGGER person_cells_clear_hashes ON person_cells;
            DROP TRIGGER person_cells_count_deleted ON person_cells;
            DROP TRIGGER person_cells_count_inserted ON person_cells;
            DROP FUNCTION person_cells_clear_hashes();
            DROP FUNCTION person_cells_count_hashes();
            DROP TABLE unique_producer_shards;
            DROP TABLE person_hashes;
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
