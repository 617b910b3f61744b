using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RedesPlataforma.Financing.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class DropRedundantTenantIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_plan_transitions_tenant_id",
                table: "plan_transitions");

            migrationBuilder.DropIndex(
                name: "ix_networks_tenant_id",
                table: "networks");

            migrationBuilder.DropIndex(
                name: "ix_disbursements_tenant_id",
                table: "disbursements");

            migrationBuilder.DropIndex(
                name: "ix_contributions_tenant_id",
                table: "contributions");

            migrationBuilder.DropIndex(
                name: "ix_business_plans_tenant_id",
                table: "business_plans");

            migrationBuilder.DropIndex(
                name: "ix_budget_lines_tenant_id",
                table: "budget_lines");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_plan_transitions_tenant_id",
                table: "plan_transitions",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_networks_tenant_id",
                table: "networks",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_disbursements_tenant_id",
                table: "disbursements",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_contributions_tenant_id",
                table: "contributions",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_business_plans_tenant_id",
                table: "business_plans",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_budget_lines_tenant_id",
                table: "budget_lines",
                column: "tenant_id");
        }
    }
}
