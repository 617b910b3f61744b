using System;
using Microsoft.EntityFrameworkCore.Migrations;
using RedesPlataforma.BuildingBlocks.MultiTenancy;

#nullable disable

namespace RedesPlataforma.Networks.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class NetworkSpecialistHistoryAndMembershipActors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "added_by",
                table: "memberships",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "removed_by",
                table: "memberships",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "specialist_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    network_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_specialist_id = table.Column<Guid>(type: "uuid", nullable: true),
                    to_specialist_id = table.Column<Guid>(type: "uuid", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_specialist_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_specialist_assignments_networks_tenant_id_network_id",
                        columns: x => new { x.tenant_id, x.network_id },
                        principalTable: "networks",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_networks_tenant_id_ruc",
                table: "networks",
                columns: new[] { "tenant_id", "ruc" },
                unique: true,
                filter: "ruc IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_specialist_assignments_tenant_id",
                table: "specialist_assignments",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_specialist_assignments_tenant_id_network_id",
                table: "specialist_assignments",
                columns: new[] { "tenant_id", "network_id" });

            migrationBuilder.EnableTenantRowLevelSecurity("specialist_assignments");

            // Every existing network starts its history with the assignment it was formed with. Row-level security is
            // forced on the owner too, so the copy lifts it for this transaction only.
            migrationBuilder.Sql("""
                ALTER TABLE networks NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE specialist_assignments NO FORCE ROW LEVEL SECURITY;
                INSERT INTO specialist_assignments (id, tenant_id, network_id, to_specialist_id, "on", recorded_at)
                SELECT gen_random_uuid(), tenant_id, id, specialist_id, formed_on, created_at FROM networks;
                ALTER TABLE networks FORCE ROW LEVEL SECURITY;
                ALTER TABLE specialist_assignments FORCE ROW LEVEL SECURITY;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableTenantRowLevelSecurity("specialist_assignments");

            migrationBuilder.DropTable(
                name: "specialist_assignments");

            migrationBuilder.DropIndex(
                name: "ix_networks_tenant_id_ruc",
                table: "networks");

            migrationBuilder.DropColumn(
                name: "added_by",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "removed_by",
                table: "memberships");
        }
    }
}
