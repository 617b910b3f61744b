using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RedesPlataforma.Networks.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class DropRedundantTenantIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tenant_value_chains_tenant_id",
                table: "tenant_value_chains");

            migrationBuilder.DropIndex(
                name: "ix_specialists_tenant_id",
                table: "specialists");

            migrationBuilder.DropIndex(
                name: "ix_specialist_assignments_tenant_id",
                table: "specialist_assignments");

            migrationBuilder.DropIndex(
                name: "ix_producers_tenant_id",
                table: "producers");

            migrationBuilder.DropIndex(
                name: "ix_producer_incomes_tenant_id",
                table: "producer_incomes");

            migrationBuilder.DropIndex(
                name: "ix_phase_changes_tenant_id",
                table: "phase_changes");

            migrationBuilder.DropIndex(
                name: "ix_networks_tenant_id",
                table: "networks");

            migrationBuilder.DropIndex(
                name: "ix_monitoring_records_tenant_id",
                table: "monitoring_records");

            migrationBuilder.DropIndex(
                name: "ix_memberships_tenant_id",
                table: "memberships");

            migrationBuilder.DropIndex(
                name: "ix_leader_changes_tenant_id",
                table: "leader_changes");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_tenant_value_chains_tenant_id",
                table: "tenant_value_chains",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_specialists_tenant_id",
                table: "specialists",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_specialist_assignments_tenant_id",
                table: "specialist_assignments",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_producers_tenant_id",
                table: "producers",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_producer_incomes_tenant_id",
                table: "producer_incomes",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_phase_changes_tenant_id",
                table: "phase_changes",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_networks_tenant_id",
                table: "networks",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_records_tenant_id",
                table: "monitoring_records",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_memberships_tenant_id",
                table: "memberships",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_leader_changes_tenant_id",
                table: "leader_changes",
                column: "tenant_id");
        }
    }
}
