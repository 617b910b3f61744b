using System;
using Microsoft.EntityFrameworkCore.Migrations;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using RedesPlataforma.BuildingBlocks.Messaging;

#nullable disable

namespace RedesPlataforma.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "business_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    network_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    value_chain = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    phase = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    programme_funds = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    network_cash = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    network_in_kind = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    approved_month = table.Column<DateOnly>(type: "date", nullable: true),
                    sequence = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_business_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "contributions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cash = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    in_kind = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    network_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    value_chain = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    phase = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contributions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "disbursements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    network_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    value_chain = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    phase = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disbursements", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "financing_cells",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    value_chain = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    phase = table.Column<int>(type: "integer", nullable: false),
                    plans_approved = table.Column<int>(type: "integer", nullable: false),
                    programme_funds = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    network_cash = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    network_in_kind = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    disbursed = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    executed_cash = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    executed_in_kind = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_financing_cells", x => new { x.tenant_id, x.region_code, x.value_chain, x.phase });
                });

            migrationBuilder.CreateTable(
                name: "financing_month_cells",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    value_chain = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    phase = table.Column<int>(type: "integer", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    plans_approved = table.Column<int>(type: "integer", nullable: false),
                    programme_funds = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    network_cash = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    network_in_kind = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    disbursed = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    executed_cash = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    executed_in_kind = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_financing_month_cells", x => new { x.tenant_id, x.region_code, x.value_chain, x.phase, x.programme_id, x.month });
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    consumer = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages", x => new { x.consumer, x.message_id });
                });

            migrationBuilder.CreateTable(
                name: "institutions",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institutions", x => x.tenant_id);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_cells",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    value_chain = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    phase = table.Column<int>(type: "integer", nullable: false),
                    monitoring_records = table.Column<int>(type: "integer", nullable: false),
                    sales = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    income_change_sum = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    income_change_records = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_cells", x => new { x.tenant_id, x.region_code, x.value_chain, x.phase });
                });

            migrationBuilder.CreateTable(
                name: "monitoring_month_cells",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    value_chain = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    phase = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    monitoring_records = table.Column<int>(type: "integer", nullable: false),
                    sales = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    income_change_sum = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    income_change_records = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_month_cells", x => new { x.tenant_id, x.region_code, x.value_chain, x.phase, x.month });
                });

            migrationBuilder.CreateTable(
                name: "monitoring_records",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    network_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period = table.Column<DateOnly>(type: "date", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    value_chain = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    phase = table.Column<int>(type: "integer", nullable: false),
                    sales = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    average_member_net_income = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    income_change_percent = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    sequence = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_records", x => new { x.tenant_id, x.network_id, x.period });
                });

            migrationBuilder.CreateTable(
                name: "network_cells",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    value_chain = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    phase = table.Column<int>(type: "integer", nullable: false),
                    networks = table.Column<int>(type: "integer", nullable: false),
                    women_led_networks = table.Column<int>(type: "integer", nullable: false),
                    members = table.Column<int>(type: "integer", nullable: false),
                    female_members = table.Column<int>(type: "integer", nullable: false),
                    financed_networks = table.Column<int>(type: "integer", nullable: false),
                    financed_members = table.Column<int>(type: "integer", nullable: false),
                    monitored_networks = table.Column<int>(type: "integer", nullable: false),
                    monitored_members = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_network_cells", x => new { x.tenant_id, x.region_code, x.value_chain, x.phase });
                });

            migrationBuilder.CreateTable(
                name: "networks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    is_formed = table.Column<bool>(type: "boolean", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    value_chain = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    phase = table.Column<int>(type: "integer", nullable: true),
                    women_led = table.Column<bool>(type: "boolean", nullable: false),
                    members = table.Column<int>(type: "integer", nullable: false),
                    female_members = table.Column<int>(type: "integer", nullable: false),
                    approved_plans = table.Column<int>(type: "integer", nullable: false),
                    monitoring_records = table.Column<int>(type: "integer", nullable: false),
                    formed_sequence = table.Column<long>(type: "bigint", nullable: true),
                    phase_sequence = table.Column<long>(type: "bigint", nullable: true),
                    leader_sequence = table.Column<long>(type: "bigint", nullable: true),
                    members_sequence = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_networks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    aggregate_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    message_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "jsonb", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    dispatched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "producer_cells",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    producers = table.Column<int>(type: "integer", nullable: false),
                    female_producers = table.Column<int>(type: "integer", nullable: false),
                    male_producers = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_producer_cells", x => new { x.tenant_id, x.region_code });
                });

            migrationBuilder.CreateTable(
                name: "producer_month_cells",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    producers = table.Column<int>(type: "integer", nullable: false),
                    female_producers = table.Column<int>(type: "integer", nullable: false),
                    male_producers = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_producer_month_cells", x => new { x.tenant_id, x.region_code, x.month });
                });

            migrationBuilder.CreateTable(
                name: "producers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    gender = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    birth_year = table.Column<int>(type: "integer", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    registered_month = table.Column<DateOnly>(type: "date", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_producers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "programmes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    funder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    total_budget = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programmes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "specialist_cells",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    specialists = table.Column<int>(type: "integer", nullable: false),
                    trained_specialists = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_specialist_cells", x => x.tenant_id);
                });

            migrationBuilder.CreateTable(
                name: "staff_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    is_specialist = table.Column<bool>(type: "boolean", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    is_trained = table.Column<bool>(type: "boolean", nullable: false),
                    profile_sequence = table.Column<long>(type: "bigint", nullable: true),
                    training_sequence = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_members", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_business_plans_tenant_id",
                table: "business_plans",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_business_plans_tenant_id_network_id",
                table: "business_plans",
                columns: new[] { "tenant_id", "network_id" });

            migrationBuilder.CreateIndex(
                name: "ix_contributions_tenant_id",
                table: "contributions",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_contributions_tenant_id_network_id",
                table: "contributions",
                columns: new[] { "tenant_id", "network_id" });

            migrationBuilder.CreateIndex(
                name: "ix_disbursements_tenant_id",
                table: "disbursements",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_disbursements_tenant_id_network_id",
                table: "disbursements",
                columns: new[] { "tenant_id", "network_id" });

            migrationBuilder.CreateIndex(
                name: "ix_financing_cells_tenant_id",
                table: "financing_cells",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_financing_month_cells_tenant_id",
                table: "financing_month_cells",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_tenant_id",
                table: "institutions",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_cells_tenant_id",
                table: "monitoring_cells",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_month_cells_tenant_id",
                table: "monitoring_month_cells",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_records_tenant_id",
                table: "monitoring_records",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_network_cells_tenant_id",
                table: "network_cells",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_networks_tenant_id",
                table: "networks",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_aggregate_id_sequence",
                table: "outbox_messages",
                columns: new[] { "aggregate_id", "sequence" },
                filter: "dispatched_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_id",
                table: "outbox_messages",
                column: "id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                table: "outbox_messages",
                column: "sequence",
                filter: "dispatched_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_producer_cells_tenant_id",
                table: "producer_cells",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_producer_month_cells_tenant_id",
                table: "producer_month_cells",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_producers_tenant_id",
                table: "producers",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_programmes_owner_tenant_id",
                table: "programmes",
                column: "owner_tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_specialist_cells_tenant_id",
                table: "specialist_cells",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_staff_members_tenant_id",
                table: "staff_members",
                column: "tenant_id");

            migrationBuilder
                .EnableTenantRowLevelSecurity("staff_members", "producers", "networks", "monitoring_records", "business_plans", "disbursements",
                    "contributions", "institutions", "specialist_cells", "producer_cells", "producer_month_cells", "network_cells", "financing_cells",
                    "financing_month_cells", "monitoring_cells", "monitoring_month_cells")
                .AllowNationalRead("institutions", "specialist_cells", "producer_cells", "producer_month_cells", "network_cells", "financing_cells",
                    "financing_month_cells", "monitoring_cells", "monitoring_month_cells")
                .EnableProgrammeSecurity();
            migrationBuilder.CreateOutboxNotifyTrigger();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "business_plans");

            migrationBuilder.DropTable(
                name: "contributions");

            migrationBuilder.DropTable(
                name: "disbursements");

            migrationBuilder.DropTable(
                name: "financing_cells");

            migrationBuilder.DropTable(
                name: "financing_month_cells");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "institutions");

            migrationBuilder.DropTable(
                name: "monitoring_cells");

            migrationBuilder.DropTable(
                name: "monitoring_month_cells");

            migrationBuilder.DropTable(
                name: "monitoring_records");

            migrationBuilder.DropTable(
                name: "network_cells");

            migrationBuilder.DropTable(
                name: "networks");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "producer_cells");

            migrationBuilder.DropTable(
                name: "producer_month_cells");

            migrationBuilder.DropTable(
                name: "producers");

            migrationBuilder.DropTable(
                name: "programmes");

            migrationBuilder.DropTable(
                name: "specialist_cells");

            migrationBuilder.DropTable(
                name: "staff_members");
        }
    }
}
