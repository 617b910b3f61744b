using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RedesPlataforma.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class DropRedundantTenantIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_specialist_cells_tenant_id",
                table: "specialist_cells");

            migrationBuilder.DropIndex(
                name: "ix_producer_month_cells_tenant_id",
                table: "producer_month_cells");

            migrationBuilder.DropIndex(
                name: "ix_producer_cells_tenant_id",
                table: "producer_cells");

            migrationBuilder.DropIndex(
                name: "ix_network_cells_tenant_id",
                table: "network_cells");

            migrationBuilder.DropIndex(
                name: "ix_monitoring_records_tenant_id",
                table: "monitoring_records");

            migrationBuilder.DropIndex(
                name: "ix_monitoring_month_cells_tenant_id",
                table: "monitoring_month_cells");

            migrationBuilder.DropIndex(
                name: "ix_monitoring_cells_tenant_id",
                table: "monitoring_cells");

            migrationBuilder.DropIndex(
                name: "ix_institutions_tenant_id",
                table: "institutions");

            migrationBuilder.DropIndex(
                name: "ix_financing_month_cells_tenant_id",
                table: "financing_month_cells");

            migrationBuilder.DropIndex(
                name: "ix_financing_cells_tenant_id",
                table: "financing_cells");

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
                name: "ix_breakdown_cells_tenant_id",
                table: "breakdown_cells");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_specialist_cells_tenant_id",
                table: "specialist_cells",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_producer_month_cells_tenant_id",
                table: "producer_month_cells",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_producer_cells_tenant_id",
                table: "producer_cells",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_network_cells_tenant_id",
                table: "network_cells",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_records_tenant_id",
                table: "monitoring_records",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_month_cells_tenant_id",
                table: "monitoring_month_cells",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_cells_tenant_id",
                table: "monitoring_cells",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_tenant_id",
                table: "institutions",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_financing_month_cells_tenant_id",
                table: "financing_month_cells",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_financing_cells_tenant_id",
                table: "financing_cells",
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
                name: "ix_breakdown_cells_tenant_id",
                table: "breakdown_cells",
                column: "tenant_id");
        }
    }
}
