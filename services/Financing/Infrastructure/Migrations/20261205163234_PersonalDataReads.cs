using System;
using Microsoft.EntityFrameworkCore.Migrations;
using RedesPlataforma.BuildingBlocks.MultiTenancy;

#nullable disable

namespace RedesPlataforma.Financing.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class PersonalDataReads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "personal_data_reads",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    action = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    producer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    query = table.Column<string>(type: "jsonb", nullable: true),
                    rows = table.Column<int>(type: "integer", nullable: true),
                    correlation_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_personal_data_reads", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_personal_data_reads_tenant_id_at",
                table: "personal_data_reads",
                columns: new[] { "tenant_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_personal_data_reads_tenant_id_producer_id_at",
                table: "personal_data_reads",
                columns: new[] { "tenant_id", "producer_id", "at" },
                filter: "producer_id IS NOT NULL");

            migrationBuilder.EnableTenantRowLevelSecurity("personal_data_reads");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableTenantRowLevelSecurity("personal_data_reads");

            migrationBuilder.DropTable(
                name: "personal_data_reads");
        }
    }
}
