using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RedesPlataforma.Financing.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class NationalReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "national_reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    value_chain_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    member_count = table.Column<int>(type: "integer", nullable: false),
                    programme_funds_pen = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    network_cash_pen = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    network_in_kind_pen = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    total_pen = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    disbursed_pen = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_national_reviews", x => x.id);
                    table.CheckConstraint("ck_national_reviews_amounts", "total_pen = programme_funds_pen + network_cash_pen + network_in_kind_pen AND disbursed_pen >= 0 AND disbursed_pen <= programme_funds_pen");
                    table.ForeignKey(
                        name: "fk_national_reviews_business_plans_tenant_id_plan_id",
                        columns: x => new { x.tenant_id, x.plan_id },
                        principalTable: "business_plans",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_national_reviews_programmes_programme_id",
                        column: x => x.programme_id,
                        principalTable: "programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "programme_tenant_budgets",
                columns: table => new
                {
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    committed_pen = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    disbursed_pen = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programme_tenant_budgets", x => new { x.programme_id, x.tenant_id });
                    table.CheckConstraint("ck_programme_tenant_budgets_amounts", "committed_pen >= 0 AND disbursed_pen >= 0 AND disbursed_pen <= committed_pen");
                    table.ForeignKey(
                        name: "fk_programme_tenant_budgets_programmes_programme_id",
                        column: x => x.programme_id,
                        principalTable: "programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_national_reviews_programme_id_status",
                table: "national_reviews",
                columns: new[] { "programme_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_national_reviews_status_submitted_at",
                table: "national_reviews",
                columns: new[] { "status", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_national_reviews_tenant_id_plan_id",
                table: "national_reviews",
                columns: new[] { "tenant_id", "plan_id" },
                unique: true,
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_programme_tenant_budgets_tenant_id",
                table: "programme_tenant_budgets",
                column: "tenant_id");

            migrationBuilder.EnableNationalReviewSecurity();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "national_reviews");

            migrationBuilder.DropTable(
                name: "programme_tenant_budgets");
        }
    }
}
