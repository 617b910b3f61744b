using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using RedesPlataforma.BuildingBlocks.MultiTenancy;

namespace RedesPlataforma.BuildingBlocks.Idempotency;

/// <summary>The idempotency table every service with writes has, beside its outbox and inbox.</summary>
public static class IdempotencyModel
{
    public const string Table = "idempotency_records";
    public const string PurgeFunction = "purge_expired_idempotency_records";

    public static ModelBuilder AddIdempotencyRecords(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IdempotencyRecord>(record =>
        {
            record.ToTable(Table);
            record.HasKey(r => r.Id);
            record.Property(r => r.Id).UseIdentityAlwaysColumn();
            record.Property(r => r.Key).HasMaxLength(IdempotencyRules.MaxKeyLength);
            record.Property(r => r.ContentType).HasMaxLength(200);
            record.Property(r => r.Location).HasMaxLength(2000);
            record.Property(r => r.ETag).HasMaxLength(200);
            // NULLS NOT DISTINCT: the national unit's keys (no tenant) are unique too.
            record.HasIndex(r => new { r.TenantId, r.UserId, r.Key }).IsUnique().AreNullsDistinct(false);
            record.HasIndex(r => r.ExpiresAt);
        });
        return modelBuilder;
    }

    /// <summary>
    /// Use in the migration that creates the table. Row-level security as on tenant tables, except that a row without a
    /// tenant is visible exactly when no tenant is set (the national unit's keys). The table is not FORCEd: the owner
    /// role (migrations, and the purge function below) must reach every tenant's expired rows; the service role is bound.
    /// The purge function runs as the owner but only ever deletes rows whose expiry has passed, so calling it cannot
    /// remove or reveal a live record of any tenant.
    /// </summary>
    public static MigrationBuilder CreateIdempotencySecurity(this MigrationBuilder migrationBuilder)
    {
        var current = $"NULLIF(current_setting('{TenantConnectionInterceptor.Setting}', true), '')::uuid";
        migrationBuilder.Sql($"""
            ALTER TABLE {Table} ENABLE ROW LEVEL SECURITY;
            CREATE POLICY {RowLevelSecurity.PolicyName} ON {Table}
                USING (tenant_id IS NOT DISTINCT FROM {current})
                WITH CHECK (tenant_id IS NOT DISTINCT FROM {current});
            CREATE FUNCTION {PurgeFunction}(batch integer) RETURNS integer
                LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
                WITH gone AS (
                    DELETE FROM public.{Table} WHERE id IN (
                        SELECT id FROM public.{Table} WHERE expires_at < now() ORDER BY expires_at LIMIT batch)
                    RETURNING 1)
                SELECT count(*)::integer FROM gone
                $$;
            """);
        return migrationBuilder;
    }

    public static MigrationBuilder DropIdempotencySecurity(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            DROP FUNCTION IF EXISTS {PurgeFunction}(integer);
            DROP POLICY IF EXISTS {RowLevelSecurity.PolicyName} ON {Table};
            ALTER TABLE {Table} DISABLE ROW LEVEL SECURITY;
            """);
        return migrationBuilder;
    }
}
