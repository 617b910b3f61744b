using System.Net;
using System.Net.Http.Json;
using RedesPlataforma.Networks.BusinessNetworks;
using RedesPlataforma.Networks.Monitoring;
using RedesPlataforma.Networks.Producers;
using RedesPlataforma.Testing;
using static RedesPlataforma.Networks.FunctionalTests.NetworkScenario;

namespace RedesPlataforma.Networks.FunctionalTests;

/// <summary>What tenant A writes, tenant B cannot read, change or count, on every network endpoint.</summary>
[Collection(NetworksHost.Name)]
public sealed class NetworkIsolationTests(NetworksApp app)
{
    static readonly MonitoringRequest Monitoring = new(new DateOnly(2025, 3, 1), 100m, 10m, "kg", 1m, "kg/ha", null, null, 400m);

    [Fact]
    public async Task Another_tenant_gets_404_on_every_endpoint_of_a_network_and_counts_none_of_them()
    {
        var a = await app.OnboardAsync();
        var b = await app.OnboardAsync();
        var (specialistA, network) = await app.SpecialistWithNetworkAsync(a);
        await (await specialistA.Client.ChangePhaseAsync(network.Id, PhaseTo(Phase.PromotionAndSelection))).ShouldBeAsync(HttpStatusCode.OK);
        await (await specialistA.Client.PostAsJsonAsync($"/api/networks/{network.Id}/monitoring", Monitoring)).ShouldBeAsync(HttpStatusCode.Created);
        var member = network.Members.First(m => !m.IsLeader).ProducerId;
        var producerOfB = (await app.CreateProducersAsync(b.Id, Gender.Female))[0];
        var specialistOfB = await app.StaffAsync(b);
        var url = $"/api/networks/{network.Id}";

        var requests = new (string What, Func<HttpClient, Task<HttpResponseMessage>> Send)[]
        {
            ("get", c => c.GetAsync(url)),
            ("phase history", c => c.GetAsync($"{url}/phases")),
            ("membership history", c => c.GetAsync($"{url}/members/history")),
            ("leader history", c => c.GetAsync($"{url}/leaders")),
            ("specialist history", c => c.GetAsync($"{url}/specialists")),
            ("monitoring", c => c.GetAsync($"{url}/monitoring")),
            ("update", c => c.PutAsJsonAsync(url, new UpdateNetworkRequest("Robada", LegalForm.Cooperative, null))),
            ("add member", c => c.PostAsJsonAsync($"{url}/members", new AddMemberRequest(producerOfB, null))),
            ("remove member", c => c.PostAsJsonAsync($"{url}/members/{member}/remove", new RemoveMemberRequest("Motivo", null))),
            ("change leader", c => c.PutAsJsonAsync($"{url}/leader", new ChangeLeaderRequest(member, null))),
            ("reassign specialist", c => c.PutAsJsonAsync($"{url}/specialist", new ReassignSpecialistRequest(specialistOfB.Id, "Motivo", null))),
            ("phase", c => c.ChangePhaseAsync(network.Id, PhaseTo(Phase.PilotBusinessPlan))),
            ("add monitoring", c => c.PostAsJsonAsync($"{url}/monitoring", Monitoring with { Period = new DateOnly(2025, 4, 1) })),
            ("correct monitoring", c => c.PutAsJsonAsync($"{url}/monitoring/2025-03-01", Monitoring with { SalesPen = 1m })),
        };
        foreach (var (what, send) in requests)
            Assert.True((await send(b.Admin)).StatusCode == HttpStatusCode.NotFound, $"{what} from another tenant");

        Assert.Equal(0, (await b.Admin.PageAsync<NetworkSummary>("/api/networks")).TotalCount);
        Assert.Equal(0, (await b.Admin.PageAsync<NetworkSummary>($"/api/networks?search={Uri.EscapeDataString(network.Name)}&region=PE-CUS&chain=cuy")).TotalCount);
        Assert.Equal(0, (await b.Admin.PageAsync<NetworkSummary>($"/api/networks?specialist={specialistA.Id}")).TotalCount);
        Assert.Equal(1, (await a.Admin.PageAsync<NetworkSummary>("/api/networks")).TotalCount);

        var unchanged = await (await a.Admin.GetAsync(url)).ReadAsync<NetworkDetails>();
        Assert.Equal((network.Name, Phase.PromotionAndSelection, 3, network.Leader!.ProducerId, null, specialistA.Id),
            (unchanged.Name, unchanged.Phase, unchanged.MemberCount, unchanged.Leader?.ProducerId, unchanged.Ruc, unchanged.SpecialistId));
        var monitoring = await (await a.Admin.GetAsync($"{url}/monitoring")).ReadAsync<MonitoringOverview>();
        Assert.Equal(100m, Assert.Single(monitoring.Records).SalesPen);
    }

    [Fact]
    public async Task A_network_cannot_take_in_another_tenants_producer_or_specialist_and_a_name_is_unique_per_tenant_only()
    {
        var a = await app.OnboardAsync();
        var b = await app.OnboardAsync();
        var (_, networkOfA) = await app.SpecialistWithNetworkAsync(a);
        var (specialistB, networkOfB) = await app.SpecialistWithNetworkAsync(b);
        var producerOfA = networkOfA.Members[0].ProducerId;

        await (await specialistB.Client.PostAsJsonAsync($"/api/networks/{networkOfB.Id}/members", new AddMemberRequest(producerOfA, null)))
            .ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "producerId");
        await (await specialistB.Client.PutAsJsonAsync($"/api/networks/{networkOfB.Id}/leader", new ChangeLeaderRequest(producerOfA, null)))
            .ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "producerId");
        await (await b.Admin.PostAsJsonAsync("/api/networks", NetworkRequest(networkOfA.SpecialistId, [networkOfB.Members[0].ProducerId])))
            .ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "specialistId");

        // The same name in another tenant is no conflict (and reveals nothing).
        await specialistB.Client.FormAsync(NetworkRequest(specialistB.Id, [networkOfB.Members[0].ProducerId], name: networkOfA.Name));
        Assert.Equal(3, (await (await specialistB.Client.GetAsync($"/api/networks/{networkOfB.Id}")).ReadAsync<NetworkDetails>()).MemberCount);
    }
}
