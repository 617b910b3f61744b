using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RedesPlataforma.Networks.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "districts",
                columns: table => new
                {
                    code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    reniec_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    province_code = table.Column<string>(type: "character(4)", fixedLength: true, maxLength: 4, nullable: false),
                    province_name = table.Column<string>(type: "text", nullable: false),
                    department_code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    department_name = table.Column<string>(type: "text", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    version = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_districts", x => x.code);
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
                name: "specialists",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    full_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    roles = table.Column<List<string>>(type: "text[]", nullable: false),
                    regions = table.Column<List<string>>(type: "text[]", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    is_trained = table.Column<bool>(type: "boolean", nullable: false),
                    last_event_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_specialists", x => x.id);
                    table.UniqueConstraint("ak_specialists_tenant_id_id", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "tenant_value_chains",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name_es = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenant_value_chains", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "value_chains",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name_es = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_value_chains", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "producers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dni = table.Column<string>(type: "character(8)", fixedLength: true, maxLength: 8, nullable: false),
                    first_names = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    last_names = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    gender = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    birth_year = table.Column<int>(type: "integer", nullable: false),
                    district_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    consent_given = table.Column<bool>(type: "boolean", nullable: false),
                    consent_date = table.Column<DateOnly>(type: "date", nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    registered_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_producers", x => x.id);
                    table.UniqueConstraint("ak_producers_tenant_id_id", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_producers_districts_district_code",
                        column: x => x.district_code,
                        principalTable: "districts",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "networks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    value_chain_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    specialist_id = table.Column<Guid>(type: "uuid", nullable: false),
                    formed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    legal_form = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ruc = table.Column<string>(type: "character(11)", fixedLength: true, maxLength: 11, nullable: true),
                    leader_producer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    women_led = table.Column<bool>(type: "boolean", nullable: false),
                    phase = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_networks", x => x.id);
                    table.UniqueConstraint("ak_networks_tenant_id_id", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_networks_producers_tenant_id_leader_producer_id",
                        columns: x => new { x.tenant_id, x.leader_producer_id },
                        principalTable: "producers",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_networks_specialists_tenant_id_specialist_id",
                        columns: x => new { x.tenant_id, x.specialist_id },
                        principalTable: "specialists",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "producer_incomes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    producer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    measured_on = table.Column<DateOnly>(type: "date", nullable: false),
                    annual_net_income_pen = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_producer_incomes", x => x.id);
                    table.ForeignKey(
                        name: "fk_producer_incomes_producers_tenant_id_producer_id",
                        columns: x => new { x.tenant_id, x.producer_id },
                        principalTable: "producers",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "leader_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    network_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_producer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    to_producer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leader_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_leader_changes_networks_tenant_id_network_id",
                        columns: x => new { x.tenant_id, x.network_id },
                        principalTable: "networks",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "memberships",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    network_id = table.Column<Guid>(type: "uuid", nullable: false),
                    producer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    joined_on = table.Column<DateOnly>(type: "date", nullable: false),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true),
                    left_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_memberships", x => x.id);
                    table.ForeignKey(
                        name: "fk_memberships_networks_tenant_id_network_id",
                        columns: x => new { x.tenant_id, x.network_id },
                        principalTable: "networks",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_memberships_producers_tenant_id_producer_id",
                        columns: x => new { x.tenant_id, x.producer_id },
                        principalTable: "producers",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    network_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period = table.Column<DateOnly>(type: "date", nullable: false),
                    sales_pen = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    volume = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    volume_unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    productivity = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    productivity_unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    post_harvest_practices = table.Column<List<string>>(type: "text[]", nullable: false),
                    market_channels = table.Column<List<string>>(type: "text[]", nullable: false),
                    average_member_net_income_pen = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_records", x => x.id);
                    table.ForeignKey(
                        name: "fk_monitoring_records_networks_tenant_id_network_id",
                        columns: x => new { x.tenant_id, x.network_id },
                        principalTable: "networks",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "phase_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    network_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_phase = table.Column<int>(type: "integer", nullable: false),
                    to_phase = table.Column<int>(type: "integer", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    document_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_phase_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_phase_changes_networks_tenant_id_network_id",
                        columns: x => new { x.tenant_id, x.network_id },
                        principalTable: "networks",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_districts_region_code",
                table: "districts",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_districts_reniec_code",
                table: "districts",
                column: "reniec_code");

            migrationBuilder.CreateIndex(
                name: "ix_leader_changes_tenant_id",
                table: "leader_changes",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_leader_changes_tenant_id_network_id",
                table: "leader_changes",
                columns: new[] { "tenant_id", "network_id" });

            migrationBuilder.CreateIndex(
                name: "ix_memberships_tenant_id",
                table: "memberships",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_memberships_tenant_id_network_id_producer_id",
                table: "memberships",
                columns: new[] { "tenant_id", "network_id", "producer_id" },
                unique: true,
                filter: "left_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_memberships_tenant_id_producer_id",
                table: "memberships",
                columns: new[] { "tenant_id", "producer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_records_tenant_id",
                table: "monitoring_records",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_records_tenant_id_network_id_period",
                table: "monitoring_records",
                columns: new[] { "tenant_id", "network_id", "period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_networks_tenant_id",
                table: "networks",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_networks_tenant_id_leader_producer_id",
                table: "networks",
                columns: new[] { "tenant_id", "leader_producer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_networks_tenant_id_name",
                table: "networks",
                columns: new[] { "tenant_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_networks_tenant_id_region_code_value_chain_code",
                table: "networks",
                columns: new[] { "tenant_id", "region_code", "value_chain_code" });

            migrationBuilder.CreateIndex(
                name: "ix_networks_tenant_id_specialist_id",
                table: "networks",
                columns: new[] { "tenant_id", "specialist_id" });

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
                name: "ix_phase_changes_tenant_id",
                table: "phase_changes",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_phase_changes_tenant_id_network_id",
                table: "phase_changes",
                columns: new[] { "tenant_id", "network_id" });

            migrationBuilder.CreateIndex(
                name: "ix_producer_incomes_tenant_id",
                table: "producer_incomes",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_producer_incomes_tenant_id_producer_id",
                table: "producer_incomes",
                columns: new[] { "tenant_id", "producer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_producers_district_code",
                table: "producers",
                column: "district_code");

            migrationBuilder.CreateIndex(
                name: "ix_producers_tenant_id",
                table: "producers",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_producers_tenant_id_dni",
                table: "producers",
                columns: new[] { "tenant_id", "dni" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_producers_tenant_id_last_names_first_names_id",
                table: "producers",
                columns: new[] { "tenant_id", "last_names", "first_names", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_producers_tenant_id_region_code",
                table: "producers",
                columns: new[] { "tenant_id", "region_code" });

            migrationBuilder.CreateIndex(
                name: "ix_specialists_tenant_id",
                table: "specialists",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_tenant_value_chains_tenant_id",
                table: "tenant_value_chains",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_tenant_value_chains_tenant_id_code",
                table: "tenant_value_chains",
                columns: new[] { "tenant_id", "code" },
                unique: true);

            migrationBuilder.EnableTenantRowLevelSecurity(
                "specialists", "tenant_value_chains", "producers", "producer_incomes", "networks",
                "memberships", "phase_changes", "leader_changes", "monitoring_records");
            migrationBuilder.CreateOutboxNotifyTrigger();
            migrationBuilder.InsertReferenceData();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "leader_changes");

            migrationBuilder.DropTable(
                name: "memberships");

            migrationBuilder.DropTable(
                name: "monitoring_records");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "phase_changes");

            migrationBuilder.DropTable(
                name: "producer_incomes");

            migrationBuilder.DropTable(
                name: "tenant_value_chains");

            migrationBuilder.DropTable(
                name: "value_chains");

            migrationBuilder.DropTable(
                name: "networks");

            migrationBuilder.DropTable(
                name: "producers");

            migrationBuilder.DropTable(
                name: "specialists");

            migrationBuilder.DropTable(
                name: "districts");
        }
    }
}
