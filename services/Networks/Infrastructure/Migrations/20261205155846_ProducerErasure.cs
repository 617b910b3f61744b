using System;
using Microsoft.EntityFrameworkCore.Migrations;
using RedesPlataforma.BuildingBlocks.MultiTenancy;

#nullable disable

namespace RedesPlataforma.Networks.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ProducerErasure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "dni",
                table: "producers",
                type: "character(8)",
                fixedLength: true,
                maxLength: 8,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character(8)",
                oldFixedLength: true,
                oldMaxLength: 8);

            migrationBuilder.AddColumn<DateOnly>(
                name: "consent_withdrawn_on",
                table: "producers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "erased_at",
                table: "producers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "erasure_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    producer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    erased_by = table.Column<Guid>(type: "uuid", nullable: true),
                    erased_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_erasure_records", x => x.id);
                    table.ForeignKey(
                        name: "fk_erasure_records_producers_tenant_id_producer_id",
                        columns: x => new { x.tenant_id, x.producer_id },
                        principalTable: "producers",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_erasure_records_tenant_id_producer_id",
                table: "erasure_records",
                columns: new[] { "tenant_id", "producer_id" },
                unique: true);

            migrationBuilder.EnableTenantRowLevelSecurity("erasure_records");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableTenantRowLevelSecurity("erasure_records");

            migrationBuilder.DropTable(
                name: "erasure_records");

            migrationBuilder.DropColumn(
                name: "consent_withdrawn_on",
                table: "producers");

            migrationBuilder.DropColumn(
                name: "erased_at",
                table: "producers");

            migrationBuilder.AlterColumn<string>(
                name: "dni",
                table: "producers",
                type: "character(8)",
                fixedLength: true,
                maxLength: 8,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character(8)",
                oldFixedLength: true,
                oldMaxLength: 8,
                oldNullable: true);
        }
    }
}
