using RedesPlataforma.Reporting.National;
using RedesPlataforma.Testing;
using static RedesPlataforma.Reporting.FunctionalTests.Facts;

namespace RedesPlataforma.Reporting.FunctionalTests;

/// <summary>Three institutions whose national tables need primary and secondary suppression.</summary>
public static class NationalSeed
{
    /// <summary>
    /// A: Cusco, 12 producers (6 women) and 4 cuy networks of 10 members; Tacna, 3 producers (2 women) and 2 quinoa
    /// networks of 6 (small). B: Puno, 20 producers and 5 quinoa networks of 8, two of them with approved plans (small).
    /// C: Junín, 9 producers (4 women: small) and 3 cuy networks of 7, each with an approved plan and a monitoring record.
    /// </summary>
    public static async Task<(ServiceTenant A, ServiceTenant B, ServiceTenant C, List<Guid> Ids)> SeedAsync(ReportingApp app, Events events)
    {
        var (a, b, c) = (await app.OnboardAsync(), await app.OnboardAsync(), await app.OnboardAsync());
        var ids = new List<Guid>();
        Guid Id() { var id = Guid.NewGuid(); ids.Add(id); return id; }
        async Task ProducersAsync(Guid tenant, string region, int women, int men)
        {
            for (var i = 0; i < women + men; i++) await events.PublishAsync(tenant, Producer(tenant, region, i < women ? "Female" : "Male", id: Id()));
        }
        var programme = Guid.NewGuid();

        await ProducersAsync(a.Id, "PE-CUS", 6, 6);
        await ProducersAsync(a.Id, "PE-TAC", 2, 1);
        for (var i = 0; i < 4; i++) await events.PublishAsync(a.Id, Network(a.Id, Id(), "cuy", "PE-CUS", phase: 2, womenLed: i < 2, members: 10, women: 5));
        for (var i = 0; i < 2; i++) await events.PublishAsync(a.Id, Network(a.Id, Id(), "quinoa", "PE-TAC", phase: 1, members: 6, women: 3));

        await ProducersAsync(b.Id, "PE-PUN", 10, 10);
        for (var i = 0; i < 5; i++)
        {
            var network = Id();
            await events.PublishAsync(b.Id, Network(b.Id, network, "quinoa", "PE-PUN", phase: 3, womenLed: i < 3, members: 8, women: 4));
            if (i < 2) await events.PublishAsync(b.Id, Approved(b.Id, Id(), network, programme, 10_000m * (i + 1), 3_000m * (i + 1), 1_000m * (i + 1), "quinoa", "PE-PUN"));
        }

        await ProducersAsync(c.Id, "PE-JUN", 4, 5);
        for (var i = 0; i < 3; i++)
        {
            var network = Id();
            await events.PublishAllAsync(c.Id, Network(c.Id, network, "cuy", "PE-JUN", phase: 2, members: 7, women: 3),
                Approved(c.Id, Id(), network, programme, 5_000m, 2_000m, 0m, "cuy", "PE-JUN"),
                Monitoring(c.Id, network, new DateOnly(2025, 3, 1), 1_000m, 10m, "cuy", "PE-JUN"));
        }
        return (a, b, c, ids);
    }

    /// <summary>The national figures once every seeded event is applied and the three institutions are named.</summary>
    public static async Task<NationalDashboard> NationalFiguresAsync(this ReportingApp app, Events events, HttpClient national)
    {
        await app.ProcessedAsync(events);
        return await ReportingScenario.EventuallyAsync(() => national.NationalAsync(),
            n => n.Table("institutions").Rows.Count(r => r.Label.StartsWith("Institución ", StringComparison.Ordinal)) >= 3, "the institutions' names");
    }
}
