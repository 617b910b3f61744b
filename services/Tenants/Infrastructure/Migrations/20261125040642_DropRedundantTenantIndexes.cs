using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RedesPlataforma.Tenants.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class DropRedundantTenantIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_trainings_tenant_id",
                table: "trainings");

            migrationBuilder.DropIndex(
                name: "ix_staff_members_tenant_id",
                table: "staff_members");

            migrationBuilder.DropIndex(
                name: "ix_org_units_tenant_id",
                table: "org_units");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_trainings_tenant_id",
                table: "trainings",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_staff_members_tenant_id",
                table: "staff_members",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_org_units_tenant_id",
                table: "org_units",
                column: "tenant_id");
        }
    }
}
