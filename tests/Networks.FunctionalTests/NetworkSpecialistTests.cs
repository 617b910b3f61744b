using System.Net;
using System.Net.Http.Json;
using RedesPlataforma.Contracts.Networks;
using RedesPlataforma.Networks.BusinessNetworks;
using RedesPlataforma.Networks.Producers;
using RedesPlataforma.Testing;
using static RedesPlataforma.Networks.FunctionalTests.NetworkScenario;

namespace RedesPlataforma.Networks.FunctionalTests;

/// <summary>Handing a network to another specialist, the RUC rule and who changed a network's membership.</summary>
[Collection(NetworksHost.Name)]
public sealed class NetworkSpecialistTests(NetworksApp app)
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    static Task<HttpResponseMessage> ReassignAsync(HttpClient client, Guid networkId, Guid specialistId, DateOnly? on = null) =>
        client.PutAsJsonAsync($"/api/networks/{networkId}/specialist", new ReassignSpecialistRequest(specialistId, "Cambio de agencia zonal", on));

    [Fact]
    public async Task A_supervisor_hands_a_network_to_another_specialist_who_then_edits_it_instead_of_the_first()
    {
        await using var probe = await EventProbe.StartAsync(app.Tenants.Broker, typeof(NetworkSpecialistReassigned));
        var tenant = await app.OnboardAsync();
        var (ana, network) = await app.SpecialistWithNetworkAsync(tenant);
        var luis = await app.StaffAsync(tenant);
        var supervisor = await app.StaffAsync(tenant, "Supervisor");
        var on = FormedOn.AddDays(30);

        var reassigned = await (await ReassignAsync(supervisor.Client, network.Id, luis.Id, on)).ReadAsync<NetworkDetails>();

        Assert.Equal(luis.Id, reassigned.SpecialistId);
        var history = await (await ana.Client.GetAsync($"/api/networks/{network.Id}/specialists")).ReadAsync<List<SpecialistAssignmentDto>>();
        Assert.Equal([(null, ana.Id, FormedOn, null), (ana.Id, luis.Id, on, "Cambio de agencia zonal")],
            history.Select(a => (a.FromSpecialistId, a.ToSpecialistId, a.On, a.Reason)));
        Assert.Equal(supervisor.Id, history[1].ActorId);
        var phase = PhaseTo(Phase.PromotionAndSelection, on: on);
        await (await ana.Client.ChangePhaseAsync(network.Id, phase)).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await luis.Client.ChangePhaseAsync(network.Id, phase)).ShouldBeAsync(HttpStatusCode.OK);

        await probe.WaitUntilAsync(p => p.Of<NetworkSpecialistReassigned>().Any(e => e.Message.NetworkId == network.Id), Timeout, "the reassignment event");
        var (envelope, message) = probe.Of<NetworkSpecialistReassigned>().Single(e => e.Message.NetworkId == network.Id);
        Assert.Equal((tenant.Id, ana.Id, luis.Id, on), (message.TenantId, message.FromSpecialistId, message.ToSpecialistId, message.On));
        Assert.Equal(tenant.Id.ToString(), envelope.TenantHeader);
    }

    [Fact]
    public async Task Reassigning_needs_a_supervisor_and_an_active_specialist_of_the_same_tenant()
    {
        var tenant = await app.OnboardAsync();
        var other = await app.OnboardAsync();
        var (ana, network) = await app.SpecialistWithNetworkAsync(tenant);
        var luis = await app.StaffAsync(tenant);
        var viewer = await app.StaffAsync(tenant, "Viewer");
        var othersSpecialist = await app.StaffAsync(other);

        await (await ReassignAsync(ana.Client, network.Id, luis.Id)).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await ReassignAsync(luis.Client, network.Id, luis.Id)).ShouldBeAsync(HttpStatusCode.Forbidden);
        foreach (var specialistId in new[] { viewer.Id, othersSpecialist.Id, Guid.NewGuid() })
            await (await ReassignAsync(tenant.Admin, network.Id, specialistId)).ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "specialistId");
        await (await ReassignAsync(tenant.Admin, network.Id, ana.Id)).ShouldBeAsync(HttpStatusCode.Conflict, "specialistId");
        await (await ReassignAsync(tenant.Admin, network.Id, luis.Id, FormedOn.AddDays(-1))).ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "on");
        await (await ReassignAsync(other.Admin, network.Id, othersSpecialist.Id)).ShouldBeAsync(HttpStatusCode.NotFound);
        await (await other.Admin.GetAsync($"/api/networks/{network.Id}/specialists")).ShouldBeAsync(HttpStatusCode.NotFound);

        var details = await (await tenant.Admin.GetAsync($"/api/networks/{network.Id}")).ReadAsync<NetworkDetails>();
        Assert.Equal(ana.Id, details.SpecialistId);
        Assert.Single(await (await tenant.Admin.GetAsync($"/api/networks/{network.Id}/specialists")).ReadAsync<List<SpecialistAssignmentDto>>());
    }

    [Fact]
    public async Task A_RUC_belongs_to_one_network_of_a_tenant_on_formation_and_on_update()
    {
        const string ruc = "20131312955";
        var tenant = await app.OnboardAsync();
        var other = await app.OnboardAsync();
        var (_, formalised) = await app.SpecialistWithNetworkAsync(tenant, ruc);
        var (_, informal) = await app.SpecialistWithNetworkAsync(tenant);
        var members = await app.CreateProducersAsync(tenant.Id, Gender.Female);

        await (await tenant.Admin.PostAsJsonAsync("/api/networks", NetworkRequest(informal.SpecialistId, members, ruc: ruc))).ShouldBeAsync(HttpStatusCode.Conflict, "ruc");
        await (await tenant.Admin.PutAsJsonAsync($"/api/networks/{informal.Id}", new UpdateNetworkRequest(informal.Name, LegalForm.Cooperative, ruc)))
            .ShouldBeAsync(HttpStatusCode.Conflict, "ruc");
        await (await tenant.Admin.PutAsJsonAsync($"/api/networks/{formalised.Id}", new UpdateNetworkRequest("Renombrada " + formalised.Name, LegalForm.Cooperative, ruc)))
            .ShouldBeAsync(HttpStatusCode.OK);
        // Another institution cannot learn that the RUC is taken here: its own network may carry it.
        await app.SpecialistWithNetworkAsync(other, ruc);
    }

    [Fact]
    public async Task Membership_history_says_who_added_and_who_removed_each_member()
    {
        var tenant = await app.OnboardAsync();
        var (ana, network) = await app.SpecialistWithNetworkAsync(tenant);
        var supervisor = await app.StaffAsync(tenant, "Supervisor");
        var newcomer = (await app.CreateProducersAsync(tenant.Id, Gender.Male))[0];
        var leaving = network.Members.First(m => !m.IsLeader).ProducerId;

        await (await supervisor.Client.PostAsJsonAsync($"/api/networks/{network.Id}/members", new AddMemberRequest(newcomer, null))).ShouldBeAsync(HttpStatusCode.OK);
        await (await ana.Client.PostAsJsonAsync($"/api/networks/{network.Id}/members/{leaving}/remove", new RemoveMemberRequest("Migró a Lima", null)))
            .ShouldBeAsync(HttpStatusCode.OK);

        var history = await (await ana.Client.GetAsync($"/api/networks/{network.Id}/members/history")).ReadAsync<List<MembershipDto>>();
        Assert.All(history.Where(m => m.ProducerId != newcomer), m => Assert.Equal(ana.Id, m.AddedBy));
        Assert.Equal(supervisor.Id, history.Single(m => m.ProducerId == newcomer).AddedBy);
        Assert.Equal((ana.Id, "Migró a Lima"), history.Single(m => m.ProducerId == leaving) is var left ? (left.RemovedBy, left.LeftReason) : default);
        Assert.All(history.Where(m => m.ProducerId != leaving), m => Assert.Null(m.RemovedBy));
    }
}
