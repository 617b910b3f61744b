using System;
using Microsoft.EntityFrameworkCore.Migrations;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.Reporting.Cells;

#nullable disable

namespace RedesPlataforma.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class BreakdownCells : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "breakdown_cells",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dimension = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    disbursed = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    executed_cash = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    executed_in_kind = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    female_members = table.Column<int>(type: "integer", nullable: false),
                    female_producers = table.Column<int>(type: "integer", nullable: false),
                    financed_members = table.Column<int>(type: "integer", nullable: false),
                    financed_networks = table.Column<int>(type: "integer", nullable: false),
                    income_change_records = table.Column<int>(type: "integer", nullable: false),
                    income_change_sum = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    male_producers = table.Column<int>(type: "integer", nullable: false),
                    members = table.Column<int>(type: "integer", nullable: false),
                    monitored_members = table.Column<int>(type: "integer", nullable: false),
                    monitored_networks = table.Column<int>(type: "integer", nullable: false),
                    monitoring_records = table.Column<int>(type: "integer", nullable: false),
                    network_cash = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    network_in_kind = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    networks = table.Column<int>(type: "integer", nullable: false),
                    plans_approved = table.Column<int>(type: "integer", nullable: false),
                    producers = table.Column<int>(type: "integer", nullable: false),
                    programme_funds = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    sales = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    specialists = table.Column<int>(type: "integer", nullable: false),
                    trained_specialists = table.Column<int>(type: "integer", nullable: false),
                    women_led_networks = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_breakdown_cells", x => new { x.tenant_id, x.dimension, x.key });
                });

            migrationBuilder.CreateIndex(
                name: "ix_breakdown_cells_tenant_id",
                table: "breakdown_cells",
                column: "tenant_id");

            // The cells that exist already are rolled up once. Row-level security is forced on the owner too, so the
            // copy lifts it on the cells it reads for this transaction only; the new table gets its policies after it.
            string[] national = ["specialist_cells", "producer_cells", "network_cells", "financing_cells", "monitoring_cells"];
            migrationBuilder.Sql(string.Join('\n', national.Select(t => $"ALTER TABLE {t} NO FORCE ROW LEVEL SECURITY;")));
            migrationBuilder.Sql(BreakdownRollUp.Insert(NationalCellsAsOfThisMigration, Measures));
            migrationBuilder.Sql(string.Join('\n', national.Select(t => $"ALTER TABLE {t} FORCE ROW LEVEL SECURITY;")));

            // The national scope now reads the breakdowns only.
            migrationBuilder
                .EnableTenantRowLevelSecurity("breakdown_cells")
                .AllowNationalRead("breakdown_cells")
                .RevokeNationalRead("specialist_cells", "producer_cells", "producer_month_cells", "network_cells", "financing_cells",
                    "financing_month_cells", "monitoring_cells", "monitoring_month_cells");
        }

        private static readonly string[] Measures =
        [
            "specialists", "trained_specialists", "producers", "female_producers", "male_producers", "networks", "women_led_networks", "members",
            "female_members", "financed_networks", "financed_members", "monitored_networks", "monitored_members", "plans_approved",
            "programme_funds", "network_cash", "network_in_kind", "disbursed", "executed_cash", "executed_in_kind", "monitoring_records", "sales",
            "income_change_sum", "income_change_records",
        ];

        private static readonly (Dimension, string)[] Place = [(Dimension.Region, "region_code"), (Dimension.ValueChain, "value_chain"), (Dimension.Phase, "phase")];

        // Frozen here, as the tables are at this migration; NationalSource.Of(catalog) gives the same for the current model.
        private static readonly NationalSource[] NationalCellsAsOfThisMigration =
        [
            new("financing_cells", Place, ["plans_approved", "programme_funds", "network_cash", "network_in_kind", "disbursed", "executed_cash", "executed_in_kind"]),
            new("monitoring_cells", Place, ["monitoring_records", "sales", "income_change_sum", "income_change_records"]),
            new("network_cells", Place, ["networks", "women_led_networks", "members", "female_members", "financed_networks", "financed_members",
                "monitored_networks", "monitored_members"]),
            new("producer_cells", [(Dimension.Region, "region_code")], ["producers", "female_producers", "male_producers"]),
            new("specialist_cells", [], ["specialists", "trained_specialists"]),
        ];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AllowNationalRead("specialist_cells", "producer_cells", "producer_month_cells", "network_cells", "financing_cells",
                "financing_month_cells", "monitoring_cells", "monitoring_month_cells");
            migrationBuilder.DropTable(
                name: "breakdown_cells");
        }
    }
}
