using Microsoft.EntityFrameworkCore.Migrations;

namespace RedesPlataforma.Financing.Infrastructure;

/// <summary>
/// Row-level security for the two tables the national unit works on, which are not tenant-owned either (see
/// docs/decisions/0006-financing-programmes-visibility.md):
/// <list type="bullet">
/// <item><c>national_reviews</c>: a tenant may only insert its own rows (when submitting a plan on a national
/// programme) and never read, change or lock any; only a connection without a tenant (the national unit) reads and
/// decides them. No one deletes.</item>
/// <item><c>programme_tenant_budgets</c>: a tenant reads its own rows; only the national unit writes, and reads all.</item>
/// </list>
/// </summary>
public static class NationalReviewSecurity
{
    const string Current = ProgrammeVisibility.Current;

    public const string EnableSql = $"""
        ALTER TABLE "national_reviews" ENABLE ROW LEVEL SECURITY;
        ALTER TABLE "national_reviews" FORCE ROW LEVEL SECURITY;
        CREATE POLICY national_review_submit ON "national_reviews" FOR INSERT
            WITH CHECK (tenant_id = {Current});
        CREATE POLICY national_review_read ON "national_reviews" FOR SELECT
            USING ({Current} IS NULL);
        CREATE POLICY national_review_decide ON "national_reviews" FOR UPDATE
            USING ({Current} IS NULL)
            WITH CHECK ({Current} IS NULL);
        ALTER TABLE "programme_tenant_budgets" ENABLE ROW LEVEL SECURITY;
        ALTER TABLE "programme_tenant_budgets" FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_budget_read ON "programme_tenant_budgets" FOR SELECT
            USING ({Current} IS NULL OR tenant_id = {Current});
        CREATE POLICY tenant_budget_insert ON "programme_tenant_budgets" FOR INSERT
            WITH CHECK ({Current} IS NULL);
        CREATE POLICY tenant_budget_update ON "programme_tenant_budgets" FOR UPDATE
            USING ({Current} IS NULL)
            WITH CHECK ({Current} IS NULL);
        """;

    public static MigrationBuilder EnableNationalReviewSecurity(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(EnableSql);
        return migrationBuilder;
    }
}
