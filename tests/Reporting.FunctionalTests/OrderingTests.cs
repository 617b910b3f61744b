using RedesPlataforma.Contracts.Financing;
using RedesPlataforma.Contracts.Networks;
using RedesPlataforma.Contracts.Tenants;
using RedesPlataforma.Reporting.Figures;
using RedesPlataforma.Testing;
using static RedesPlataforma.Reporting.Figures.Catalog;
using static RedesPlataforma.Reporting.FunctionalTests.Facts;

namespace RedesPlataforma.Reporting.FunctionalTests;

[Collection(ReportingHost.Name)]
public sealed class OrderingTests(ReportingApp app)
{
    private const string Total = ReportTables.TotalKey;

    [Fact]
    public async Task The_outbox_stamps_every_message_with_a_sequence_that_grows_in_commit_order()
    {
        await using var probe = await EventProbe.StartAsync(app.Tenants.Broker, typeof(StaffMemberJoined));
        var tenant = await app.OnboardAsync();
        var staff = new List<Guid>();
        for (var i = 0; i < 3; i++) staff.Add((await tenant.Tenant.CreateStaffAsync("Specialist")).Id);

        await probe.WaitUntilAsync(p => p.Of<StaffMemberJoined>().Count(m => staff.Contains(m.Message.StaffMemberId)) == 3, TimeSpan.FromSeconds(30), "three staff events");
        var sequences = staff.Select(id => probe.Of<StaffMemberJoined>().Single(m => m.Message.StaffMemberId == id).Envelope.OutboxSequence).ToList();
        Assert.All(sequences, s => Assert.NotNull(s));
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(3, sequences.Distinct().Count());
    }

    [Fact]
    public async Task Duplicates_whether_redelivered_replayed_or_corrected_leave_the_figures_right()
    {
        await using var events = await Events.StartAsync(app);
        var tenant = await app.OnboardAsync();
        var t = tenant.Id;
        var (network, plan, programme) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var producer = Producer(t);
        var disbursement = Disbursement(t, plan, network, programme, 2_500m);
        var redelivered = Guid.NewGuid();

        // The broker redelivers (same MessageId), the outbox retries (same sequence), an operator replays (no sequence).
        await events.PublishAsync(t, producer, 10, redelivered);
        await events.PublishAsync(t, producer, 10, redelivered);
        await events.PublishAsync(t, producer, 10);
        await events.PublishAsync(t, producer, null);
        foreach (var sequence in new long?[] { 20, 20, 21, null })
            await events.PublishAsync(t, Network(t, network, phase: 3, members: 12, women: 6), sequence);
        foreach (var sequence in new long?[] { 30, 31, null })
            await events.PublishAsync(t, Approved(t, plan, network, programme, 9_000m, 3_000m, 0m), sequence);
        foreach (var sequence in new long?[] { 40, 41 })
            await events.PublishAsync(t, disbursement, sequence);
        // A corrected monitoring record of the same month replaces the first.
        await events.PublishAsync(t, Monitoring(t, network, new DateOnly(2025, 3, 1), 1_000m, 5m), 50);
        await app.ProcessedAsync(events);
        await events.PublishAsync(t, Monitoring(t, network, new DateOnly(2025, 3, 1), 1_200m, 8m), 51);
        await app.ProcessedAsync(events);

        var summary = (await tenant.Admin.DashboardAsync()).Summary;
        Assert.Equal([1m, 1m, 12m, 1m, 9_000m, 2_500m, 1_200m, 8m], new[] { Catalog.Producers, Catalog.Networks, Members, PlansApproved, ProgrammeFunds,
            Disbursed, Sales, IncomeChange }.Select(f => summary.Value(Total, f)));
    }

    [Fact]
    public async Task A_programmes_newest_name_wins_over_an_older_change_that_arrives_late()
    {
        await using var events = await Events.StartAsync(app);
        var tenant = await app.OnboardAsync();
        var t = tenant.Id;
        var (network, plan, programme) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        ProgrammeChanged Renamed(string name) => new(programme, t, name, "Gobierno Regional", 600_000m, 50_000m, 0.3m,
            new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31), [], [], null, At(2025, 2));

        await events.PublishAsync(t, Network(t, network, phase: 3, members: 12, women: 6), 1);
        await events.PublishAsync(t, Approved(t, plan, network, programme, 9_000m, 3_000m, 0m), 2);
        await events.PublishAsync(t, new ProgrammePublished(programme, t, "Procompite", "Gobierno Regional", 500_000m, 50_000m, 0.3m,
            new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31), [], [], At(2025, 1)), 10);
        await events.PublishAsync(t, Renamed("Procompite Cusco 2025"), 30);
        await events.PublishAsync(t, Renamed("Procompite (borrador)"), 20);
        await app.ProcessedAsync(events);

        var programmes = (await tenant.Admin.DashboardAsync()).Table("programmes");
        Assert.Equal("Procompite Cusco 2025", Assert.Single(programmes.Rows, r => r.Key == programme.ToString()).Label);
    }

    [Fact]
    public async Task A_bulk_import_counts_each_producer_once_and_a_change_that_overtook_it_still_wins()
    {
        await using var events = await Events.StartAsync(app);
        var tenant = await app.OnboardAsync();
        var t = tenant.Id;
        var producers = Enumerable.Range(0, 30).Select(i => new ImportedProducer(Guid.NewGuid(), i < 20 ? "PE-CUS" : "PE-PUN",
            i < 20 ? "080101" : "210101", i % 3 == 0 ? "Male" : "Female", 1980)).ToList();
        var imported = new ProducersImported(t, Guid.NewGuid(), producers, At(2025, 4));

        // A man deactivated after the import, whose change reaches Reporting first; then the import, retried by the outbox.
        await events.PublishAsync(t, new ProducerChanged(t, producers[0].ProducerId, "PE-CUS", "080101", "Male", 1980, false, At(2025, 5)), 200);
        await events.PublishAsync(t, imported, 100);
        await events.PublishAsync(t, imported, 100);
        await app.ProcessedAsync(events);

        var dashboard = await tenant.Admin.DashboardAsync();
        Assert.Equal([29m, 20m, 9m], new[] { Catalog.Producers, FemaleProducers, MaleProducers }.Select(f => dashboard.Summary.Value(Total, f)));
    }

    [Fact]
    public async Task Events_delivered_out_of_order_leave_the_figures_and_the_national_breakdowns_as_the_newest_state()
    {
        await using var events = await Events.StartAsync(app);
        var tenant = await app.OnboardAsync();
        var t = tenant.Id;
        var (network, plan, programme, moved, left) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var on = new DateOnly(2025, 4, 1);

        // Every entity's events arrive newest first, and facts about the network before the network itself.
        await events.PublishAsync(t, Monitoring(t, network, new DateOnly(2025, 3, 1), 2_000m, 12m), 81);
        await events.PublishAsync(t, Monitoring(t, network, new DateOnly(2025, 3, 1), 1_500m, 9m), 80);
        await events.PublishAsync(t, Approved(t, plan, network, programme, 9_000m, 3_000m, 1_000m), 71);
        await events.PublishAsync(t, Submitted(t, plan, network, programme, 8_000m, 2_000m, 0m), 70);
        await events.PublishAsync(t, Disbursement(t, plan, network, programme, 4_000m), 72);
        await events.PublishAsync(t, new NetworkPhaseAdvanced(t, network, "cuy", "PE-CUS", 2, 3, on), 30);
        await events.PublishAsync(t, new NetworkMembershipChanged(t, network, Guid.NewGuid(), true, 12, 7, on), 40);
        await events.PublishAsync(t, new NetworkMembershipChanged(t, network, Guid.NewGuid(), false, 11, 6, on), 35);
        await events.PublishAsync(t, new NetworkLeaderChanged(t, network, Guid.NewGuid(), "Female", true, on), 25);
        await events.PublishAsync(t, new NetworkPhaseAdvanced(t, network, "cuy", "PE-CUS", 1, 2, on), 20);
        await events.PublishAsync(t, Network(t, network, phase: 1, womenLed: false, members: 8, women: 4), 10);
        await events.PublishAsync(t, new ProducerChanged(t, moved, "PE-PUN", "210101", "Male", 1975, true, At(2025, 5)), 50);
        await events.PublishAsync(t, Producer(t, "PE-CUS", "Female", At(2025, 2), moved), 45);
        await events.PublishAsync(t, new ProducerChanged(t, left, "PE-CUS", "080101", "Female", 1990, false, At(2025, 6)), 60);
        await events.PublishAsync(t, Producer(t, "PE-CUS", "Female", At(2025, 2), left), 55);
        await app.ProcessedAsync(events);

        var dashboard = await tenant.Admin.DashboardAsync();
        var phases = dashboard.Table("phases");
        Assert.Equal(["3"], phases.Rows.Select(r => r.Key));
        Assert.Equal([1m, 1m, 12m, 7m, 1m, 9_000m, 4_000m, 4_000m, 2_000m, 12m], new[] { Catalog.Networks, WomenLedNetworks, Members, FemaleMembers,
            PlansApproved, ProgrammeFunds, NetworkContribution, Disbursed, Sales, IncomeChange }.Select(f => phases.Value("3", f)));
        var regions = dashboard.Table("regions");
        Assert.Equal([1m, 0m, 1m], new[] { Catalog.Producers, FemaleProducers, MaleProducers }.Select(f => regions.Value("PE-PUN", f)));
        Assert.Equal(0m, regions.Value("PE-CUS", Catalog.Producers));
        var series = await (await tenant.Admin.GetAsync("/api/reporting/dashboard/series")).ReadAsync<ReportTable>();
        Assert.Equal(1m, series.Value("2025-02", Catalog.Producers));
        Assert.DoesNotContain(series.Rows, r => r.Key == "2025-05" && r.Values[series.Column(Catalog.Producers)] != 0);
        Assert.Empty(await app.BreakdownsApartFromTheirCellsAsync(t));
    }

    [Fact]
    public async Task Messages_without_a_sequence_apply_in_arrival_order_and_never_undo_a_newer_sequenced_one()
    {
        await using var events = await Events.StartAsync(app);
        var tenant = await app.OnboardAsync();
        var t = tenant.Id;
        var network = Guid.NewGuid();
        var on = new DateOnly(2025, 4, 1);
        async Task<string> PhaseAfterAsync(object message, long? sequence)
        {
            await events.PublishAsync(t, message, sequence);
            await app.ProcessedAsync(events);
            return Assert.Single((await tenant.Admin.DashboardAsync()).Table("phases").Rows).Key;
        }

        Assert.Equal("1", await PhaseAfterAsync(Network(t, network, phase: 1), null));
        Assert.Equal("2", await PhaseAfterAsync(new NetworkPhaseAdvanced(t, network, "cuy", "PE-CUS", 1, 2, on), null));
        Assert.Equal("3", await PhaseAfterAsync(new NetworkPhaseAdvanced(t, network, "cuy", "PE-CUS", 2, 3, on), 100));
        Assert.Equal("2", await PhaseAfterAsync(new NetworkPhaseAdvanced(t, network, "cuy", "PE-CUS", 3, 2, on), null));
        Assert.Equal("2", await PhaseAfterAsync(new NetworkPhaseAdvanced(t, network, "cuy", "PE-CUS", 1, 4, on), 90));
        Assert.Equal("4", await PhaseAfterAsync(new NetworkPhaseAdvanced(t, network, "cuy", "PE-CUS", 2, 4, on), 101));
    }
}
