using System.Net;
using System.Net.Http.Json;
using RedesPlataforma.Contracts.Networks;
using RedesPlataforma.Contracts.Reporting;
using RedesPlataforma.Networks.Monitoring;
using RedesPlataforma.Networks.Producers;
using RedesPlataforma.Testing;
using static RedesPlataforma.Networks.FunctionalTests.NetworkScenario;

namespace RedesPlataforma.Networks.FunctionalTests;

[Collection(NetworksHost.Name)]
public sealed class RebuildSnapshotTests(NetworksApp app)
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Republishing_a_tenants_state_sends_its_producers_networks_and_monitoring_with_its_header_and_nothing_of_other_tenants()
    {
        await using var probe = await EventProbe.StartAsync(app.Tenants.Broker, typeof(ProducersImported), typeof(ProducerRegistered),
            typeof(ProducerChanged), typeof(NetworkFormed), typeof(MonitoringRecorded));
        var (tenant, other) = (await app.OnboardAsync(), await app.OnboardAsync());
        var specialist = await app.StaffAsync(tenant);
        var producers = await app.CreateProducersAsync(tenant.Id, Gender.Female, Gender.Male, Gender.Female);
        var inactive = Assert.Single(await app.CreateProducersAsync(tenant.Id, active: false, Gender.Male));
        await app.CreateProducersAsync(other.Id, Gender.Female, Gender.Male);
        var network = await specialist.Client.FormAsync(NetworkRequest(specialist.Id, producers, leader: producers[0], region: "PE-PUN", chain: "quinoa"));
        foreach (var (period, income) in new[] { (new DateOnly(2025, 2, 1), 400m), (new DateOnly(2025, 8, 1), 500m) })
            await (await specialist.Client.PostAsJsonAsync($"/api/networks/{network.Id}/monitoring",
                new MonitoringRequest(period, 12_500.50m, 850m, "kg", 3.25m, "kg/ha", ["Secado"], ["Acopiador"], income))).ShouldBeAsync(HttpStatusCode.Created);
        await probe.WaitUntilAsync(p => p.Of<MonitoringRecorded>().Count(m => m.Message.NetworkId == network.Id) == 2, Timeout, "the live events");
        var live = probe.Received.Select(r => r.MessageId).ToHashSet();

        await probe.PublishAsync(new TenantStateRepublishRequested(Guid.NewGuid(), tenant.Id), Guid.NewGuid(), tenant.Id.ToString());

        bool Snapshot(ReceivedMessage r) => !live.Contains(r.MessageId);
        await probe.WaitUntilAsync(p => p.Received.Where(Snapshot).Count(r => r.Message is MonitoringRecorded) == 2, Timeout, "the snapshot");
        await Task.Delay(TimeSpan.FromSeconds(2)); // room for another tenant's state to show up, were it sent
        var snapshot = probe.Received.Where(Snapshot).ToList();
        Assert.All(snapshot, r => Assert.Equal(tenant.Id.ToString(), r.TenantHeader));

        var imported = Assert.Single(snapshot.Select(r => r.Message).OfType<ProducersImported>());
        Assert.Equal(tenant.Id, imported.TenantId);
        Assert.Equal(producers.Order(), imported.Producers.Select(p => p.ProducerId).Order());
        Assert.Equal(inactive, Assert.Single(snapshot.Select(r => r.Message).OfType<ProducerRegistered>()).ProducerId);
        var changed = Assert.Single(snapshot.Select(r => r.Message).OfType<ProducerChanged>());
        Assert.Equal((inactive, false), (changed.ProducerId, changed.IsActive));

        var formed = Assert.Single(snapshot.Select(r => r.Message).OfType<NetworkFormed>());
        Assert.Equal(new NetworkFormed(tenant.Id, network.Id, "quinoa", "PE-PUN", specialist.Id, true, 0, 3, 2, FormedOn), formed);
        Assert.Equal(
            [new MonitoringRecorded(tenant.Id, network.Id, "quinoa", "PE-PUN", new DateOnly(2025, 2, 1), 12_500.50m, 400m, null, 3),
             new MonitoringRecorded(tenant.Id, network.Id, "quinoa", "PE-PUN", new DateOnly(2025, 8, 1), 12_500.50m, 500m, 25.00m, 3)],
            snapshot.Select(r => r.Message).OfType<MonitoringRecorded>().OrderBy(m => m.Period));
    }

    /// <summary>
    /// The live changes and the republish build their events through the same factories; this holds them to it: for a
    /// state the live changes left as it is, the republish sends exactly what they sent.
    /// </summary>
    [Fact]
    public async Task Republishing_a_network_sends_the_formation_and_monitoring_events_its_live_changes_sent()
    {
        await using var probe = await EventProbe.StartAsync(app.Tenants.Broker, typeof(NetworkFormed), typeof(MonitoringRecorded));
        var tenant = await app.OnboardAsync();
        var specialist = await app.StaffAsync(tenant);
        var producers = await app.CreateProducersAsync(tenant.Id, Gender.Male, Gender.Female, Gender.Female, Gender.Male);
        var network = await specialist.Client.FormAsync(NetworkRequest(specialist.Id, producers, leader: producers[1], region: "PE-PUN", chain: "quinoa"));
        foreach (var (period, sales, income) in new[] { (new DateOnly(2025, 3, 1), 9_000m, 620.40m), (new DateOnly(2025, 6, 1), 11_250.75m, 655m), (new DateOnly(2025, 9, 1), 14_000m, 701.15m) })
            await (await specialist.Client.PostAsJsonAsync($"/api/networks/{network.Id}/monitoring",
                new MonitoringRequest(period, sales, 850m, "kg", 3.25m, "kg/ha", [], [], income))).ShouldBeAsync(HttpStatusCode.Created);
        bool Mine(ReceivedMessage r) => r.Message is NetworkFormed { NetworkId: var f } && f == network.Id || r.Message is MonitoringRecorded { NetworkId: var m } && m == network.Id;
        await probe.WaitUntilAsync(p => p.Received.Count(Mine) == 4, Timeout, "the live events");
        var live = probe.Received.Where(Mine).ToList();

        await probe.PublishAsync(new TenantStateRepublishRequested(Guid.NewGuid(), tenant.Id), Guid.NewGuid(), tenant.Id.ToString());

        await probe.WaitUntilAsync(p => p.Received.Count(Mine) == 8, Timeout, "the republished events");
        var republished = probe.Received.Where(Mine).ExceptBy(live.Select(r => r.MessageId), r => r.MessageId).ToList();
        Assert.Equal(live.Select(r => r.Message).OfType<NetworkFormed>(), republished.Select(r => r.Message).OfType<NetworkFormed>());
        Assert.Equal(live.Select(r => r.Message).OfType<MonitoringRecorded>().OrderBy(m => m.Period),
            republished.Select(r => r.Message).OfType<MonitoringRecorded>().OrderBy(m => m.Period));
    }
}
