using System;
using Microsoft.EntityFrameworkCore.Migrations;
using RedesPlataforma.BuildingBlocks.MultiTenancy;

#nullable disable

namespace RedesPlataforma.Networks.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class EvidenceFilesAndMemberAddedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "added_at",
                table: "memberships",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddUniqueConstraint(
                name: "ak_phase_changes_tenant_id_id",
                table: "phase_changes",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.AddUniqueConstraint(
                name: "ak_monitoring_records_tenant_id_id",
                table: "monitoring_records",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.CreateTable(
                name: "evidence_files",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    network_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    content_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by = table.Column<Guid>(type: "uuid", nullable: true),
                    uploaded_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    phase_change_id = table.Column<Guid>(type: "uuid", nullable: true),
                    monitoring_record_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_files", x => new { x.tenant_id, x.id });
                    table.CheckConstraint("ck_evidence_files_one_owner", "phase_change_id IS NULL OR monitoring_record_id IS NULL");
                    table.ForeignKey(
                        name: "fk_evidence_files_monitoring_records_tenant_id_monitoring_reco",
                        columns: x => new { x.tenant_id, x.monitoring_record_id },
                        principalTable: "monitoring_records",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_evidence_files_networks_tenant_id_network_id",
                        columns: x => new { x.tenant_id, x.network_id },
                        principalTable: "networks",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_evidence_files_phase_changes_tenant_id_phase_change_id",
                        columns: x => new { x.tenant_id, x.phase_change_id },
                        principalTable: "phase_changes",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "evidence_contents",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    evidence_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bytes = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_contents", x => new { x.tenant_id, x.evidence_id });
                    table.ForeignKey(
                        name: "fk_evidence_contents_evidence_files_tenant_id_evidence_id",
                        columns: x => new { x.tenant_id, x.evidence_id },
                        principalTable: "evidence_files",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_evidence_files_tenant_id_monitoring_record_id",
                table: "evidence_files",
                columns: new[] { "tenant_id", "monitoring_record_id" },
                filter: "monitoring_record_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_files_tenant_id_network_id_uploaded_at",
                table: "evidence_files",
                columns: new[] { "tenant_id", "network_id", "uploaded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_evidence_files_tenant_id_phase_change_id",
                table: "evidence_files",
                columns: new[] { "tenant_id", "phase_change_id" },
                filter: "phase_change_id IS NOT NULL");

            migrationBuilder.EnableTenantRowLevelSecurity("evidence_files", "evidence_contents");

            // Photos and PDFs are compressed already: keep them out of line without another compression attempt.
            migrationBuilder.Sql("ALTER TABLE evidence_contents ALTER COLUMN bytes SET STORAGE EXTERNAL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableTenantRowLevelSecurity("evidence_contents", "evidence_files");

            migrationBuilder.DropTable(
                name: "evidence_contents");

            migrationBuilder.DropTable(
                name: "evidence_files");

            migrationBuilder.DropUniqueConstraint(
                name: "ak_phase_changes_tenant_id_id",
                table: "phase_changes");

            migrationBuilder.DropUniqueConstraint(
                name: "ak_monitoring_records_tenant_id_id",
                table: "monitoring_records");

            migrationBuilder.DropColumn(
                name: "added_at",
                table: "memberships");
        }
    }
}
