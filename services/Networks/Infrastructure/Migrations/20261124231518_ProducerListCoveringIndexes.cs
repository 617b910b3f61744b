using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RedesPlataforma.Networks.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ProducerListCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_producers_tenant_id_last_names_first_names_id",
                table: "producers");

            migrationBuilder.DropIndex(
                name: "ix_producers_tenant_id_region_code",
                table: "producers");

            migrationBuilder.CreateIndex(
                name: "ix_producers_tenant_id_last_names_first_names_id",
                table: "producers",
                columns: new[] { "tenant_id", "last_names", "first_names", "id" })
                .Annotation("Npgsql:IndexInclude", new[] { "dni", "gender", "birth_year", "district_code", "region_code", "is_active" });

            migrationBuilder.CreateIndex(
                name: "ix_producers_tenant_id_region_code_last_names_first_names_id",
                table: "producers",
                columns: new[] { "tenant_id", "region_code", "last_names", "first_names", "id" })
                .Annotation("Npgsql:IndexInclude", new[] { "dni", "gender", "birth_year", "district_code", "is_active" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_producers_tenant_id_last_names_first_names_id",
                table: "producers");

            migrationBuilder.DropIndex(
                name: "ix_producers_tenant_id_region_code_last_names_first_names_id",
                table: "producers");

            migrationBuilder.CreateIndex(
                name: "ix_producers_tenant_id_last_names_first_names_id",
                table: "producers",
                columns: new[] { "tenant_id", "last_names", "first_names", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_producers_tenant_id_region_code",
                table: "producers",
                columns: new[] { "tenant_id", "region_code" });
        }
    }
}
