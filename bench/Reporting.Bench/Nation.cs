using System.Globalization;

using RedesPlataforma.Reporting.Cells;

namespace RedesPlataforma.Bench.Reporting;

/// <summary>
/// The synthetic nation, generated in SQL (generate_series) straight into Reporting's entity state tables, then the
/// cells filled from them. Deterministic: every "random" choice is a hash of the row's number (<c>pg_temp.u</c>), so
/// the same options give the same nation. Tenants, regions and value chains are skewed (a few large institutions, a few
/// regions with most producers), as in the real programme. In the service, consumers keep the cells up to date one
/// event at a time (<c>CellChange</c>); here they are filled once with INSERT … SELECT … GROUP BY, from the very views
/// the GROUP BY side of the bench reads, so both sides count the same rows by the same rules.
/// </summary>
public static class Nation
{
    /// <summary>The first month of monitoring and of registrations; the nation spans <c>months</c> from it.</summary>
    private const string Start = "date '2023-01-01'";

    public static string Entities(BenchSettings s)
    {
        string I(int value) => value.ToString(CultureInfo.InvariantCulture);
        var (t, p, n, m) = (I(s.Tenants), I(s.Producers), I(s.Networks), I(s.Months));
        return $"""
            CREATE FUNCTION pg_temp.u(i bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE
                AS $$ SELECT (hashint8(i * 1000 + salt) & 2147483647)::float8 / 2147483648 $$;
            -- Skewed tenant: small numbers are large institutions. A tenant works in up to four neighbouring regions.
            CREATE FUNCTION pg_temp.tenant(i bigint, salt int) RETURNS int LANGUAGE sql IMMUTABLE
                AS $$ SELECT least({t}, 1 + floor({t} * pg_temp.u(i, salt) ^ 2)::int) $$;
            CREATE FUNCTION pg_temp.region(t int, i bigint, salt int) RETURNS text LANGUAGE sql IMMUTABLE
                AS $$ SELECT lpad((1 + (t * 7 + floor(4 * pg_temp.u(i, salt) ^ 2)::int) % 25)::text, 2, '0') $$;
            CREATE FUNCTION pg_temp.tid(t int) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$ SELECT md5('tenant' || t)::uuid $$;

            INSERT INTO institutions (tenant_id, slug, name, kind, is_active)
            SELECT pg_temp.tid(t), 'inst-' || lpad(t::text, 3, '0'), 'Institución ' || lpad(t::text, 3, '0'),
                   (ARRAY['Agency', 'RegionalGovernment', 'Municipality', 'Ngo'])[1 + t % 4], true
            FROM generate_series(1, {t}) t;

            INSERT INTO staff_members (id, tenant_id, is_specialist, is_active, is_trained)
            SELECT md5('staff' || i)::uuid, pg_temp.tid((i - 1) / 12 + 1), i % 12 < 9, pg_temp.u(i, 21) > 0.05, pg_temp.u(i, 22) < 0.6
            FROM generate_series(1, {t} * 12) i;

            INSERT INTO producers (id, tenant_id, region_code, gender, birth_year, is_active, registered_month)
            SELECT md5('producer' || i)::uuid, pg_temp.tid(k.t), pg_temp.region(k.t, i, 2),
                   CASE WHEN pg_temp.u(i, 3) < 0.38 + 0.1 * pg_temp.u(k.t, 9) THEN 'Female' ELSE 'Male' END,
                   1950 + floor(55 * pg_temp.u(i, 4))::int, pg_temp.u(i, 5) > 0.03,
                   ({Start} + floor({m} * pg_temp.u(i, 6))::int * interval '1 month')::date
            FROM generate_series(1, {p}) i, LATERAL (SELECT pg_temp.tenant(i, 1) AS t) k;

            CREATE TEMP TABLE nation_networks AS
            SELECT n, md5('network' || n)::uuid AS id, pg_temp.tid(k.t) AS tenant_id, pg_temp.region(k.t, n, 12) AS region_code,
                   (ARRAY['cafe', 'cacao', 'cuyes', 'leche', 'quinua', 'papa', 'palta', 'mango', 'miel', 'fibra-alpaca', 'trucha', 'artesania'])
                       [1 + floor(12 * pg_temp.u(n, 13) ^ 1.5)::int] AS value_chain,
                   floor(5 * pg_temp.u(n, 14))::int AS phase, pg_temp.u(n, 15) < 0.35 AS women_led, 8 + floor(40 * pg_temp.u(n, 16))::int AS members,
                   n % 5 < 2 AS has_plan, pg_temp.u(n, 17) < 0.8 AS approved
            FROM generate_series(1, {n}) n, LATERAL (SELECT pg_temp.tenant(n, 11) AS t) k;

            INSERT INTO networks (id, tenant_id, is_formed, region_code, value_chain, phase, women_led, members, female_members, approved_plans, monitoring_records)
            SELECT id, tenant_id, true, region_code, value_chain, phase, women_led, members, floor(members * (0.2 + 0.6 * pg_temp.u(n, 18)))::int,
                   CASE WHEN has_plan AND approved THEN 1 ELSE 0 END, {m}
            FROM nation_networks;

            INSERT INTO programmes (id, owner_tenant_id, name, funder, total_budget)
            SELECT md5('programme' || k)::uuid, NULL, 'Programa ' || k, 'Fondo ' || k, 500000000 FROM generate_series(0, 2) k;

            CREATE TEMP TABLE nation_plans AS
            SELECT nn.*, md5('plan' || n)::uuid AS plan_id, md5('programme' || n % 3)::uuid AS programme_id,
                   (20000 + floor(80000 * pg_temp.u(n, 19)))::numeric(14,2) AS funds,
                   ({Start} + floor({m} * pg_temp.u(n, 20))::int * interval '1 month')::date AS approved_month
            FROM nation_networks nn WHERE has_plan;

            INSERT INTO business_plans (id, tenant_id, programme_id, network_id, region_code, value_chain, phase, status,
                                        programme_funds, network_cash, network_in_kind, approved_month)
            SELECT plan_id, tenant_id, programme_id, id, region_code, value_chain, phase,
                   CASE WHEN approved THEN 'Approved' WHEN n % 2 = 0 THEN 'Submitted' ELSE 'Rejected' END,
                   funds, round(funds * 0.10, 2), round(funds * 0.15, 2), CASE WHEN approved THEN approved_month END
            FROM nation_plans;

            INSERT INTO disbursements (id, amount, tenant_id, plan_id, programme_id, network_id, region_code, value_chain, phase, month)
            SELECT md5('disbursement' || n || '-' || k)::uuid, round(funds / 2, 2), tenant_id, plan_id, programme_id, id, region_code, value_chain, phase,
                   (approved_month + k * interval '1 month')::date
            FROM nation_plans, generate_series(0, 1) k WHERE approved;

            INSERT INTO contributions (id, cash, in_kind, tenant_id, plan_id, programme_id, network_id, region_code, value_chain, phase, month)
            SELECT md5('contribution' || n)::uuid, round(funds * 0.05, 2), round(funds * 0.12, 2), tenant_id, plan_id, programme_id, id,
                   region_code, value_chain, phase, (approved_month + interval '2 months')::date
            FROM nation_plans WHERE approved;

            INSERT INTO monitoring_records (tenant_id, network_id, period, region_code, value_chain, phase, sales, average_member_net_income, income_change_percent)
            SELECT tenant_id, id, ({Start} + k * interval '1 month')::date, region_code, value_chain, phase,
                   round((1000 + 9000 * pg_temp.u(n * 100 + k, 31))::numeric, 2), round((300 + 700 * pg_temp.u(n * 100 + k, 32))::numeric, 2),
                   CASE WHEN k > 0 THEN round((60 * pg_temp.u(n * 100 + k, 33) - 10)::numeric, 2) END
            FROM nation_networks, generate_series(0, {m} - 1) k;
            """;
    }

    /// <summary>
    /// Schema <c>raw</c>: one view per all-time cell table, with its name and columns, computed by GROUP BY over the
    /// entity rows by the rules each entity's <c>Cells()</c> states, and the breakdowns rolled up from those. A session
    /// whose search_path starts with <c>raw</c> runs the national dashboard's own SQL over these views: what an
    /// implementation without cells would run.
    /// </summary>
    public static string RawViews(CellCatalog catalog)
    {
        // Each national cell's GROUP BY runs once per request (MATERIALIZED), however many breakdowns are rolled up from it.
        var sources = NationalSource.Of(catalog);
        return EntityViews + $"""

            CREATE VIEW raw.breakdown_cells WITH (security_invoker = true) AS
            WITH {string.Join(",\n    ", sources.Select(s => $"{s.Table} AS MATERIALIZED (SELECT * FROM raw.{s.Table})"))}
            {BreakdownRollUp.Select(catalog)};
            GRANT USAGE ON SCHEMA raw TO redes_app;
            GRANT SELECT ON ALL TABLES IN SCHEMA raw TO redes_app;
            """;
    }

    private const string EntityViews = """
        CREATE SCHEMA raw;
        CREATE VIEW raw.specialist_cells WITH (security_invoker = true) AS
            SELECT tenant_id, count(*)::int AS specialists, count(*) FILTER (WHERE is_trained)::int AS trained_specialists
            FROM public.staff_members WHERE is_specialist AND is_active GROUP BY tenant_id;
        CREATE VIEW raw.producer_cells WITH (security_invoker = true) AS
            SELECT tenant_id, region_code, count(*)::int AS producers, count(*) FILTER (WHERE gender = 'Female')::int AS female_producers,
                   count(*) FILTER (WHERE gender <> 'Female')::int AS male_producers
            FROM public.producers WHERE is_active GROUP BY tenant_id, region_code;
        CREATE VIEW raw.network_cells WITH (security_invoker = true) AS
            SELECT tenant_id, region_code, value_chain, coalesce(phase, -1) AS phase, count(*)::int AS networks,
                   count(*) FILTER (WHERE women_led)::int AS women_led_networks, sum(members)::int AS members, sum(female_members)::int AS female_members,
                   count(*) FILTER (WHERE approved_plans > 0)::int AS financed_networks,
                   coalesce(sum(members) FILTER (WHERE approved_plans > 0), 0)::int AS financed_members,
                   count(*) FILTER (WHERE monitoring_records > 0)::int AS monitored_networks,
                   coalesce(sum(members) FILTER (WHERE monitoring_records > 0), 0)::int AS monitored_members
            FROM public.networks WHERE is_formed GROUP BY tenant_id, region_code, value_chain, coalesce(phase, -1);
        CREATE VIEW raw.financing_cells WITH (security_invoker = true) AS
            SELECT tenant_id, region_code, value_chain, phase, sum(plans)::int AS plans_approved, sum(programme_funds) AS programme_funds,
                   sum(network_cash) AS network_cash, sum(network_in_kind) AS network_in_kind, sum(disbursed) AS disbursed,
                   sum(executed_cash) AS executed_cash, sum(executed_in_kind) AS executed_in_kind
            FROM (
                SELECT tenant_id, region_code, value_chain, phase, 1 AS plans, programme_funds, network_cash, network_in_kind,
                       0.00 AS disbursed, 0.00 AS executed_cash, 0.00 AS executed_in_kind
                FROM public.business_plans WHERE status = 'Approved'
                UNION ALL
                SELECT tenant_id, region_code, value_chain, phase, 0, 0, 0, 0, amount, 0, 0 FROM public.disbursements
                UNION ALL
                SELECT tenant_id, region_code, value_chain, phase, 0, 0, 0, 0, 0, cash, in_kind FROM public.contributions
            ) facts GROUP BY tenant_id, region_code, value_chain, phase;
        CREATE VIEW raw.monitoring_cells WITH (security_invoker = true) AS
            SELECT tenant_id, region_code, value_chain, phase, count(*)::int AS monitoring_records, sum(sales) AS sales,
                   coalesce(sum(income_change_percent), 0.00) AS income_change_sum, count(income_change_percent)::int AS income_change_records
            FROM public.monitoring_records GROUP BY tenant_id, region_code, value_chain, phase;
        """;

    /// <summary>The cells, filled once from the views above, their breakdowns, and the month cells tenant dashboards read.</summary>
    public static string Cells(CellCatalog catalog)
    {
        var national = NationalSource.Of(catalog);
        return string.Join('\n', national.Select(c => $"INSERT INTO public.{c.Table} SELECT * FROM raw.{c.Table};")) +
            $"\n{BreakdownRollUp.Insert(catalog)};\n" + MonthCells;
    }

    private const string MonthCells = """

        INSERT INTO producer_month_cells (tenant_id, region_code, month, producers, female_producers, male_producers)
        SELECT tenant_id, region_code, registered_month, count(*), count(*) FILTER (WHERE gender = 'Female'), count(*) FILTER (WHERE gender <> 'Female')
        FROM producers WHERE is_active GROUP BY 1, 2, 3;
        INSERT INTO monitoring_month_cells (tenant_id, region_code, value_chain, phase, month, monitoring_records, sales, income_change_sum, income_change_records)
        SELECT tenant_id, region_code, value_chain, phase, period, count(*), sum(sales), coalesce(sum(income_change_percent), 0), count(income_change_percent)
        FROM monitoring_records GROUP BY 1, 2, 3, 4, 5;
        INSERT INTO financing_month_cells (tenant_id, region_code, value_chain, phase, programme_id, month, plans_approved, programme_funds,
                                           network_cash, network_in_kind, disbursed, executed_cash, executed_in_kind)
        SELECT tenant_id, region_code, value_chain, phase, programme_id, month, sum(plans), sum(pf), sum(nc), sum(nik), sum(d), sum(ec), sum(eik)
        FROM (
            SELECT tenant_id, region_code, value_chain, phase, programme_id, approved_month AS month, 1 AS plans, programme_funds AS pf,
                   network_cash AS nc, network_in_kind AS nik, 0::numeric AS d, 0::numeric AS ec, 0::numeric AS eik
            FROM business_plans WHERE status = 'Approved'
            UNION ALL SELECT tenant_id, region_code, value_chain, phase, programme_id, month, 0, 0, 0, 0, amount, 0, 0 FROM disbursements
            UNION ALL SELECT tenant_id, region_code, value_chain, phase, programme_id, month, 0, 0, 0, 0, 0, cash, in_kind FROM contributions
        ) facts GROUP BY 1, 2, 3, 4, 5, 6;
        """;

    /// <summary>
    /// The national scope may read cells only. For the GROUP BY side, this bench (and only it) lets a national session
    /// read the entity tables too, so both sides run as the same role under the same row-level security.
    /// </summary>
    public static string BenchReadPolicies(IEnumerable<string> entityTables) => string.Join('\n', entityTables.Select(table =>
        $"CREATE POLICY bench_national_raw ON {table} FOR SELECT USING (current_setting('app.reporting_scope', true) = 'national');"));
}
