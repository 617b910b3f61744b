using System;
using Microsoft.EntityFrameworkCore.Migrations;
using RedesPlataforma.BuildingBlocks.MultiTenancy;

#nullable disable

namespace RedesPlataforma.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class UniqueProducers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "dni_hash",
                table: "producers",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "person_cells",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dni_hash = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    person_producers = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_person_cells", x => new { x.tenant_id, x.dni_hash });
                });

            // Producers known before the hash arrive with it when Networks republishes (a rebuild): docs/decisions/0026.
            migrationBuilder
                .EnableTenantRowLevelSecurity("person_cells")
                .CreateUniqueProducersView();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropUniqueProducersView();

            migrationBuilder.DropTable(
                name: "person_cells");

            migrationBuilder.DropColumn(
                name: "dni_hash",
                table: "producers");
        }
    }
}
