using System.Net;
using System.Net.Http.Json;
using RedesPlataforma.Networks.BusinessNetworks;
using RedesPlataforma.Networks.Producers;
using RedesPlataforma.Testing;
using static RedesPlataforma.Networks.FunctionalTests.NetworkScenario;

namespace RedesPlataforma.Networks.FunctionalTests;

[Collection(NetworksHost.Name)]
public sealed class NetworkFormationTests(NetworksApp app)
{
    [Fact]
    public async Task Forming_a_network_records_its_members_and_leader_starts_in_preparation_and_derives_women_led()
    {
        var tenant = await app.OnboardAsync();
        var specialist = await app.StaffAsync(tenant);
        var members = await app.CreateProducersAsync(tenant.Id, Gender.Female, Gender.Male, Gender.Female);

        var network = await specialist.Client.FormAsync(NetworkRequest(specialist.Id, members, leader: members[2], region: "pe-cus"));

        Assert.Equal(Phase.Preparation, network.Phase);
        Assert.True(network.WomenLed);
        Assert.Equal("PE-CUS", network.RegionCode);
        Assert.Equal(members[2], network.Leader?.ProducerId);
        Assert.Equal((3, 2), (network.MemberCount, network.FemaleMemberCount));
        Assert.Equal(members.Order(), network.Members.Select(m => m.ProducerId).Order());
        Assert.Equal("Juan Pérez Huamán", network.SpecialistName);
        Assert.Equal(LegalForm.Association, network.LegalForm);
        Assert.Empty(network.PhaseHistory);
        var read = await (await tenant.Admin.GetAsync($"/api/networks/{network.Id}")).ReadAsync<NetworkDetails>();
        Assert.Equal(network.Name, read.Name);
        var leaders = await (await tenant.Admin.GetAsync($"/api/networks/{network.Id}/leaders")).ReadAsync<List<LeaderChangeDto>>();
        Assert.Equal(members[2], Assert.Single(leaders).ToProducerId);
    }

    [Fact]
    public async Task Forming_a_network_with_an_unknown_value_chain_is_refused_and_writes_nothing()
    {
        var tenant = await app.OnboardAsync();
        var specialist = await app.StaffAsync(tenant);
        var members = await app.CreateProducersAsync(tenant.Id, Gender.Female);

        await (await tenant.Admin.PostAsJsonAsync("/api/networks", NetworkRequest(specialist.Id, members, chain: "caviar")))
            .ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "valueChainCode");
        Assert.Equal(0, await app.NetworkRowsAsync(tenant.Id));
    }

    [Fact]
    public async Task Only_an_active_specialist_of_the_same_tenant_can_be_assigned_and_anyone_else_is_refused_alike()
    {
        var tenant = await app.OnboardAsync();
        var other = await app.OnboardAsync();
        var members = await app.CreateProducersAsync(tenant.Id, Gender.Female);
        var inactive = await app.StaffAsync(tenant);
        await (await tenant.Tenant.Admin.PostAsync($"/api/staff/{inactive.Id}/deactivate", null)).ReadAsync<object>();
        await app.EventuallyAsync(async () => await app.SpecialistAsync(tenant.Id, inactive.Id) is { IsActive: false }, "the deactivation");
        var viewer = await app.StaffAsync(tenant, "Viewer");
        var othersSpecialist = await app.StaffAsync(other);

        foreach (var specialistId in new[] { inactive.Id, viewer.Id, tenant.Tenant.AdminId, othersSpecialist.Id, Guid.NewGuid() })
            await (await tenant.Admin.PostAsJsonAsync("/api/networks", NetworkRequest(specialistId, members)))
                .ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "specialistId");
        Assert.Equal(0, await app.NetworkRowsAsync(tenant.Id));
        Assert.Equal(0, await app.NetworkRowsAsync(other.Id));
    }

    [Fact]
    public async Task Forming_a_network_whose_leader_is_not_a_member_is_refused()
    {
        var tenant = await app.OnboardAsync();
        var specialist = await app.StaffAsync(tenant);
        var producers = await app.CreateProducersAsync(tenant.Id, Gender.Female, Gender.Male);

        await (await specialist.Client.PostAsJsonAsync("/api/networks", NetworkRequest(specialist.Id, [producers[0]], leader: producers[1])))
            .ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "leaderProducerId");
        Assert.Equal(0, await app.NetworkRowsAsync(tenant.Id));
    }

    [Fact]
    public async Task Another_tenants_producer_or_an_inactive_one_cannot_be_a_member()
    {
        var tenant = await app.OnboardAsync();
        var other = await app.OnboardAsync();
        var specialist = await app.StaffAsync(tenant);
        var own = await app.CreateProducersAsync(tenant.Id, Gender.Female);
        var inactive = await app.CreateProducersAsync(tenant.Id, active: false, Gender.Male);
        var foreign = await app.CreateProducersAsync(other.Id, Gender.Male);

        await (await specialist.Client.PostAsJsonAsync("/api/networks", NetworkRequest(specialist.Id, [own[0], foreign[0]])))
            .ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "memberIds");
        await (await specialist.Client.PostAsJsonAsync("/api/networks", NetworkRequest(specialist.Id, [own[0], inactive[0]])))
            .ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "memberIds");
        await (await specialist.Client.PostAsJsonAsync("/api/networks", NetworkRequest(specialist.Id, foreign)))
            .ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "memberIds");
        Assert.Equal(0, await app.NetworkRowsAsync(tenant.Id));
        Assert.Equal(0, await app.NetworkRowsAsync(other.Id));
    }

    [Fact]
    public async Task Malformed_formations_are_bad_requests_and_a_future_date_or_a_taken_name_is_refused()
    {
        var tenant = await app.OnboardAsync();
        var specialist = await app.StaffAsync(tenant);
        var members = await app.CreateProducersAsync(tenant.Id, Gender.Female);
        var valid = NetworkRequest(specialist.Id, members);

        await (await tenant.Admin.PostAsJsonAsync("/api/networks", valid with { Ruc = "20131312954" })).ShouldBeAsync(HttpStatusCode.BadRequest, "ruc");
        await (await tenant.Admin.PostAsJsonAsync("/api/networks", valid with { RegionCode = "PE-XXX" })).ShouldBeAsync(HttpStatusCode.BadRequest, "regionCode");
        await (await tenant.Admin.PostAsJsonAsync("/api/networks", valid with { MemberIds = [] })).ShouldBeAsync(HttpStatusCode.BadRequest, "memberIds");
        await (await tenant.Admin.PostAsJsonAsync("/api/networks", valid with { FormedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3) }))
            .ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "formedOn");
        Assert.Equal(0, await app.NetworkRowsAsync(tenant.Id));

        await tenant.Admin.FormAsync(valid with { Ruc = "20131312955" });
        await (await tenant.Admin.PostAsJsonAsync("/api/networks", valid)).ShouldBeAsync(HttpStatusCode.Conflict, "name");
    }

    [Fact]
    public async Task Networks_are_listed_by_name_with_filters_on_region_chain_phase_specialist_women_led_and_name()
    {
        var tenant = await app.OnboardAsync();
        var ana = await app.StaffAsync(tenant);
        var luis = await app.StaffAsync(tenant);
        var producers = await app.CreateProducersAsync(tenant.Id, Gender.Female, Gender.Male, Gender.Female);
        var cuy = await tenant.Admin.FormAsync(NetworkRequest(ana.Id, [producers[0], producers[1]], name: "Cuyes de Anta"));
        var dairy = await tenant.Admin.FormAsync(NetworkRequest(luis.Id, [producers[1]], chain: "dairy", region: "PE-PUN", name: "Lácteos del Collao"));
        await (await tenant.Admin.ChangePhaseAsync(dairy.Id, PhaseTo(Phase.PromotionAndSelection))).ShouldBeAsync(HttpStatusCode.OK);

        async Task<List<string>> Names(string query) =>
            [.. (await tenant.Admin.PageAsync<NetworkSummary>($"/api/networks?{query}")).Items.Select(n => n.Name)];

        Assert.Equal(["Cuyes de Anta", "Lácteos del Collao"], await Names(""));
        Assert.Equal(["Lácteos del Collao"], await Names("region=PE-PUN"));
        Assert.Equal(["Cuyes de Anta"], await Names("chain=cuy"));
        Assert.Equal(["Lácteos del Collao"], await Names("phase=PromotionAndSelection"));
        Assert.Equal(["Cuyes de Anta"], await Names("phase=0"));
        Assert.Equal(["Lácteos del Collao"], await Names($"specialist={luis.Id}"));
        Assert.Equal(["Cuyes de Anta"], await Names("womenLed=true"));
        Assert.Equal(["Lácteos del Collao"], await Names("search=collao"));
        var page = await tenant.Admin.PageAsync<NetworkSummary>("/api/networks?pageSize=1&page=2");
        Assert.Equal((2, "Lácteos del Collao", 1), (page.TotalCount, Assert.Single(page.Items).Name, page.Items[0].MemberCount));
        Assert.Equal(2, (await tenant.Admin.PageAsync<NetworkSummary>("/api/networks")).Items.Single(n => n.Id == cuy.Id).MemberCount);
    }
}
