using System.Net;
using System.Net.Http.Json;
using RedesPlataforma.Networks.BusinessNetworks;
using RedesPlataforma.Networks.Monitoring;
using RedesPlataforma.Networks.Producers;
using RedesPlataforma.Testing;
using static RedesPlataforma.Networks.FunctionalTests.NetworkScenario;

namespace RedesPlataforma.Networks.FunctionalTests;

[Collection(NetworksHost.Name)]
public sealed class NetworkAccessTests(NetworksApp app)
{
    static readonly MonitoringRequest Monitoring = new(new DateOnly(2025, 3, 1), 100m, 10m, "kg", 1m, "kg/ha", null, null, 400m);

    /// <summary>Every write on a network (of three members or more), as (what, request); in this order, each one succeeds for an editor.</summary>
    static IEnumerable<(string What, Func<HttpClient, Task<HttpResponseMessage>> Send)> Writes(NetworkDetails network, Guid producer) =>
    [
        ("update", c => c.PutAsJsonAsync($"/api/networks/{network.Id}", new UpdateNetworkRequest(network.Name, LegalForm.Association, null))),
        ("add member", c => c.PostAsJsonAsync($"/api/networks/{network.Id}/members", new AddMemberRequest(producer, null))),
        ("remove member", c => c.PostAsJsonAsync($"/api/networks/{network.Id}/members/{network.Members.First(m => !m.IsLeader).ProducerId}/remove", new RemoveMemberRequest("Motivo", null))),
        ("change leader", c => c.PutAsJsonAsync($"/api/networks/{network.Id}/leader", new ChangeLeaderRequest(network.Members.Last(m => !m.IsLeader).ProducerId, null))),
        ("phase", c => c.ChangePhaseAsync(network.Id, PhaseTo(Phase.PromotionAndSelection))),
        ("add monitoring", c => c.PostAsJsonAsync($"/api/networks/{network.Id}/monitoring", Monitoring)),
        ("correct monitoring", c => c.PutAsJsonAsync($"/api/networks/{network.Id}/monitoring/2025-03-01", Monitoring)),
    ];

    [Fact]
    public async Task A_specialist_edits_their_own_network_but_gets_403_on_another_specialists_which_they_can_still_read()
    {
        var tenant = await app.OnboardAsync();
        var (ana, anasNetwork) = await app.SpecialistWithNetworkAsync(tenant);
        var (luis, luisNetwork) = await app.SpecialistWithNetworkAsync(tenant);
        var producer = (await app.CreateProducersAsync(tenant.Id, Gender.Female))[0];

        foreach (var (what, send) in Writes(luisNetwork, producer))
            Assert.True((await send(ana.Client)).StatusCode == HttpStatusCode.Forbidden, $"{what} on another specialist's network");
        Assert.Equal(luisNetwork.Name, (await (await ana.Client.GetAsync($"/api/networks/{luisNetwork.Id}")).ReadAsync<NetworkDetails>()).Name);
        Assert.Empty((await (await ana.Client.GetAsync($"/api/networks/{luisNetwork.Id}/phases")).ReadAsync<List<PhaseChangeDto>>()));

        foreach (var (what, send) in Writes(anasNetwork, producer))
            Assert.True((await send(ana.Client)).IsSuccessStatusCode, $"{what} on the specialist's own network");
        Assert.Equal((Phase.Preparation, 3), ((await (await luis.Client.GetAsync($"/api/networks/{luisNetwork.Id}")).ReadAsync<NetworkDetails>()) is var l ? (l.Phase, l.MemberCount) : default));
    }

    [Fact]
    public async Task A_specialist_cannot_form_a_network_assigned_to_someone_else()
    {
        var tenant = await app.OnboardAsync();
        var ana = await app.StaffAsync(tenant);
        var luis = await app.StaffAsync(tenant);
        var members = await app.CreateProducersAsync(tenant.Id, Gender.Female);

        await (await ana.Client.PostAsJsonAsync("/api/networks", NetworkRequest(luis.Id, members))).ShouldBeAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, await app.NetworkRowsAsync(tenant.Id));
    }

    [Fact]
    public async Task Supervisors_and_admins_edit_every_network_of_their_tenant()
    {
        var tenant = await app.OnboardAsync();
        var supervisor = await app.StaffAsync(tenant, "Supervisor");
        var specialist = await app.StaffAsync(tenant);
        var producer = (await app.CreateProducersAsync(tenant.Id, Gender.Female))[0];

        foreach (var editor in new[] { supervisor.Client, tenant.Admin })
        {
            var network = await editor.FormAsync(NetworkRequest(specialist.Id, await app.CreateProducersAsync(tenant.Id, Gender.Female, Gender.Male, Gender.Male)));
            foreach (var (what, send) in Writes(network, producer))
                Assert.True((await send(editor)).IsSuccessStatusCode, $"{what} by a supervisor or admin");
        }
    }

    [Fact]
    public async Task A_viewer_reads_networks_but_every_write_is_forbidden()
    {
        var tenant = await app.OnboardAsync();
        var (_, network) = await app.SpecialistWithNetworkAsync(tenant);
        var viewer = await app.StaffAsync(tenant, "Viewer");
        var producer = (await app.CreateProducersAsync(tenant.Id, Gender.Female))[0];

        Assert.Equal(1, (await viewer.Client.PageAsync<NetworkSummary>("/api/networks")).TotalCount);
        foreach (var read in new[] { "", "/phases", "/members/history", "/leaders", "/monitoring" })
            await (await viewer.Client.GetAsync($"/api/networks/{network.Id}{read}")).ShouldBeAsync(HttpStatusCode.OK);
        await (await viewer.Client.PostAsJsonAsync("/api/networks", NetworkRequest(viewer.Id, [producer]))).ShouldBeAsync(HttpStatusCode.Forbidden);
        foreach (var (what, send) in Writes(network, producer))
            Assert.True((await send(viewer.Client)).StatusCode == HttpStatusCode.Forbidden, $"{what} by a viewer");
    }

    [Fact]
    public async Task The_national_unit_has_no_access_to_a_tenants_networks()
    {
        var tenant = await app.OnboardAsync();
        var (_, network) = await app.SpecialistWithNetworkAsync(tenant);
        var national = await app.ClientForAsync(TenantsApp.NationalEmail, TenantsApp.NationalPassword);

        await (await national.GetAsync("/api/networks")).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await national.GetAsync($"/api/networks/{network.Id}")).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await national.GetAsync($"/api/networks/{network.Id}/monitoring")).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await national.ChangePhaseAsync(network.Id, PhaseTo(Phase.PromotionAndSelection))).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await app.CreateClient().GetAsync("/api/networks")).ShouldBeAsync(HttpStatusCode.Unauthorized);
    }
}
