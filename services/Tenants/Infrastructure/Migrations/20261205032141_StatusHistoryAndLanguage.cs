using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RedesPlataforma.Tenants.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class StatusHistoryAndLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "language",
                table: "AspNetUsers",
                type: "character varying(2)",
                maxLength: 2,
                nullable: false,
                defaultValue: "es");

            migrationBuilder.CreateTable(
                name: "tenant_status_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    changed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    changed_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenant_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_tenant_status_changes_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Tenants that existed before the history did start it with their activation and, if suspended, the suspension.
            migrationBuilder.Sql("""
                INSERT INTO tenant_status_changes (id, tenant_id, status, reason, at)
                SELECT gen_random_uuid(), id, 'Active', NULL, activated_at FROM tenants;
                INSERT INTO tenant_status_changes (id, tenant_id, status, reason, at)
                SELECT gen_random_uuid(), id, 'Suspended', suspension_reason, suspended_at FROM tenants WHERE status = 'Suspended';
                """);

            migrationBuilder.CreateIndex(
                name: "ix_tenants_ruc",
                table: "tenants",
                column: "ruc");

            migrationBuilder.CreateIndex(
                name: "ix_onboarding_applications_ruc",
                table: "onboarding_applications",
                column: "ruc");

            migrationBuilder.CreateIndex(
                name: "ix_tenant_status_changes_tenant_id_at",
                table: "tenant_status_changes",
                columns: new[] { "tenant_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tenant_status_changes");

            migrationBuilder.DropIndex(
                name: "ix_tenants_ruc",
                table: "tenants");

            migrationBuilder.DropIndex(
                name: "ix_onboarding_applications_ruc",
                table: "onboarding_applications");

            migrationBuilder.DropColumn(
                name: "language",
                table: "AspNetUsers");
        }
    }
}
