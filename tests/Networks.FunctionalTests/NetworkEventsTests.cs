using System.Net;
using System.Net.Http.Json;
using RedesPlataforma.Contracts.Networks;
using RedesPlataforma.Networks.BusinessNetworks;
using RedesPlataforma.Networks.Monitoring;
using RedesPlataforma.Networks.Producers;
using RedesPlataforma.Testing;
using static RedesPlataforma.Networks.FunctionalTests.NetworkScenario;

namespace RedesPlataforma.Networks.FunctionalTests;

[Collection(NetworksHost.Name)]
public sealed class NetworkEventsTests(NetworksApp app)
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Network_events_reach_a_consumer_once_with_the_tenant_header_and_what_reporting_needs()
    {
        await using var probe = await EventProbe.StartAsync(app.Tenants.Broker, typeof(NetworkFormed), typeof(NetworkMembershipChanged),
            typeof(NetworkLeaderChanged), typeof(NetworkPhaseAdvanced), typeof(MonitoringRecorded));
        var tenant = await app.OnboardAsync();
        var specialist = await app.StaffAsync(tenant);
        var producers = await app.CreateProducersAsync(tenant.Id, Gender.Female, Gender.Male, Gender.Female, Gender.Male);
        var url = "/api/networks";

        var network = await specialist.Client.FormAsync(NetworkRequest(specialist.Id, producers[..3], leader: producers[0], region: "PE-PUN", chain: "quinoa"));
        await (await specialist.Client.ChangePhaseAsync(network.Id, PhaseTo(Phase.PromotionAndSelection))).ShouldBeAsync(HttpStatusCode.OK);
        await (await specialist.Client.PostAsJsonAsync($"{url}/{network.Id}/monitoring", Record(new DateOnly(2025, 2, 1), 400m))).ShouldBeAsync(HttpStatusCode.Created);
        await (await specialist.Client.PostAsJsonAsync($"{url}/{network.Id}/monitoring", Record(new DateOnly(2025, 8, 1), 500m))).ShouldBeAsync(HttpStatusCode.Created);
        await (await specialist.Client.PostAsJsonAsync($"{url}/{network.Id}/members", new AddMemberRequest(producers[3], new DateOnly(2025, 9, 1)))).ShouldBeAsync(HttpStatusCode.OK);
        await (await specialist.Client.PutAsJsonAsync($"{url}/{network.Id}/leader", new ChangeLeaderRequest(producers[1], new DateOnly(2025, 9, 2)))).ShouldBeAsync(HttpStatusCode.OK);
        await (await specialist.Client.PostAsJsonAsync($"{url}/{network.Id}/members/{producers[2]}/remove", new RemoveMemberRequest("Se mudó", new DateOnly(2025, 9, 3)))).ShouldBeAsync(HttpStatusCode.OK);

        bool Mine(object message) => message switch
        {
            NetworkFormed m => m.NetworkId == network.Id,
            NetworkPhaseAdvanced m => m.NetworkId == network.Id,
            MonitoringRecorded m => m.NetworkId == network.Id,
            NetworkMembershipChanged m => m.NetworkId == network.Id,
            NetworkLeaderChanged m => m.NetworkId == network.Id,
            _ => false,
        };
        await probe.WaitUntilAsync(p => p.Received.Count(r => Mine(r.Message)) >= 7, Timeout, "the network's seven events");
        await Task.Delay(TimeSpan.FromSeconds(2)); // room for a duplicate to show up, were there one
        var received = probe.Received.Where(r => Mine(r.Message)).ToList();
        Assert.Equal(7, received.Count);
        Assert.Equal(7, received.Select(r => r.MessageId).Distinct().Count());
        Assert.All(received, r => Assert.Equal(tenant.Id.ToString(), r.TenantHeader));

        var formed = Assert.Single(probe.Of<NetworkFormed>(), m => m.Message.NetworkId == network.Id).Message;
        Assert.Equal(new NetworkFormed(tenant.Id, network.Id, "quinoa", "PE-PUN", specialist.Id, true, 0, 3, 2, FormedOn), formed);

        var advanced = Assert.Single(probe.Of<NetworkPhaseAdvanced>(), m => m.Message.NetworkId == network.Id).Message;
        Assert.Equal(new NetworkPhaseAdvanced(tenant.Id, network.Id, "quinoa", "PE-PUN", 0, 1, FormedOn.AddDays(11)), advanced);

        var recorded = probe.Of<MonitoringRecorded>().Where(m => m.Message.NetworkId == network.Id).Select(m => m.Message).OrderBy(m => m.Period).ToList();
        Assert.Equal(2, recorded.Count);
        Assert.Equal(new MonitoringRecorded(tenant.Id, network.Id, "quinoa", "PE-PUN", new DateOnly(2025, 2, 1), 12_500.50m, 400m, null, 3), recorded[0]);
        Assert.Equal(new MonitoringRecorded(tenant.Id, network.Id, "quinoa", "PE-PUN", new DateOnly(2025, 8, 1), 12_500.50m, 500m, 25.00m, 3), recorded[1]);

        var memberships = probe.Of<NetworkMembershipChanged>().Where(m => m.Message.NetworkId == network.Id).Select(m => m.Message).OrderBy(m => m.On).ToList();
        Assert.Equal(
            [new NetworkMembershipChanged(tenant.Id, network.Id, producers[3], true, 4, 2, new DateOnly(2025, 9, 1)),
             new NetworkMembershipChanged(tenant.Id, network.Id, producers[2], false, 3, 1, new DateOnly(2025, 9, 3))],
            memberships);

        var leader = Assert.Single(probe.Of<NetworkLeaderChanged>(), m => m.Message.NetworkId == network.Id).Message;
        Assert.Equal(new NetworkLeaderChanged(tenant.Id, network.Id, producers[1], "Male", false, new DateOnly(2025, 9, 2)), leader);
    }

    static MonitoringRequest Record(DateOnly period, decimal income) =>
        new(period, 12_500.50m, 850m, "kg", 3.25m, "kg/ha", ["Secado"], ["Acopiador"], income);
}
