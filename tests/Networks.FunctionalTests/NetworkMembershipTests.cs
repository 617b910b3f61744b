using System.Net;
using System.Net.Http.Json;
using RedesPlataforma.Networks.BusinessNetworks;
using RedesPlataforma.Networks.Producers;
using RedesPlataforma.Testing;
using static RedesPlataforma.Networks.FunctionalTests.NetworkScenario;

namespace RedesPlataforma.Networks.FunctionalTests;

[Collection(NetworksHost.Name)]
public sealed class NetworkMembershipTests(NetworksApp app)
{
    [Fact]
    public async Task The_leader_must_be_a_current_member_of_the_network()
    {
        var tenant = await app.OnboardAsync();
        var (specialist, network) = await app.SpecialistWithNetworkAsync(tenant);
        var outsider = (await app.CreateProducersAsync(tenant.Id, Gender.Male))[0];
        var leaving = network.Members.First(m => !m.IsLeader).ProducerId;
        await (await specialist.Client.PostAsJsonAsync($"/api/networks/{network.Id}/members/{leaving}/remove", new RemoveMemberRequest("Migró a Lima", null)))
            .ShouldBeAsync(HttpStatusCode.OK);

        foreach (var notMember in new[] { outsider, leaving, Guid.NewGuid() })
            await (await specialist.Client.PutAsJsonAsync($"/api/networks/{network.Id}/leader", new ChangeLeaderRequest(notMember, null)))
                .ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "producerId");
        await (await specialist.Client.PutAsJsonAsync($"/api/networks/{network.Id}/leader", new ChangeLeaderRequest(network.Leader!.ProducerId, null)))
            .ShouldBeAsync(HttpStatusCode.Conflict, "producerId");
        var read = await (await specialist.Client.GetAsync($"/api/networks/{network.Id}")).ReadAsync<NetworkDetails>();
        Assert.Equal(network.Leader.ProducerId, read.Leader?.ProducerId);
    }

    [Fact]
    public async Task Women_led_follows_the_gender_of_each_new_leader()
    {
        var tenant = await app.OnboardAsync();
        var (specialist, network) = await app.SpecialistWithNetworkAsync(tenant);
        Assert.True(network.WomenLed);
        var man = network.Members.Single(m => m.Gender == Gender.Male).ProducerId;
        var woman = network.Members.First(m => m.Gender == Gender.Female && !m.IsLeader).ProducerId;

        var manLed = await (await specialist.Client.PutAsJsonAsync($"/api/networks/{network.Id}/leader", new ChangeLeaderRequest(man, new DateOnly(2025, 3, 1)))).ReadAsync<NetworkDetails>();
        Assert.False(manLed.WomenLed);
        Assert.Equal(man, manLed.Leader?.ProducerId);
        Assert.Empty((await specialist.Client.PageAsync<NetworkSummary>($"/api/networks?womenLed=true")).Items);

        var womanLed = await (await specialist.Client.PutAsJsonAsync($"/api/networks/{network.Id}/leader", new ChangeLeaderRequest(woman, new DateOnly(2025, 4, 1)))).ReadAsync<NetworkDetails>();
        Assert.True(womanLed.WomenLed);
        Assert.Equal(network.Id, Assert.Single((await specialist.Client.PageAsync<NetworkSummary>($"/api/networks?womenLed=true")).Items).Id);

        var leaders = await (await specialist.Client.GetAsync($"/api/networks/{network.Id}/leaders")).ReadAsync<List<LeaderChangeDto>>();
        Assert.Equal([network.Leader!.ProducerId, man, woman], leaders.Select(l => l.ToProducerId));
        Assert.Equal([null, network.Leader.ProducerId, man], leaders.Select(l => l.FromProducerId));
        Assert.Equal(specialist.Id, leaders[^1].ActorId);
    }

    [Fact]
    public async Task Removing_a_member_keeps_the_membership_in_the_history_with_its_date_and_reason()
    {
        var tenant = await app.OnboardAsync();
        var (specialist, network) = await app.SpecialistWithNetworkAsync(tenant);
        var member = network.Members.Single(m => m.Gender == Gender.Male).ProducerId;
        var url = $"/api/networks/{network.Id}/members";

        await (await specialist.Client.PostAsJsonAsync($"{url}/{member}/remove", new RemoveMemberRequest("  ", null))).ShouldBeAsync(HttpStatusCode.BadRequest, "reason");
        await (await specialist.Client.PostAsJsonAsync($"{url}/{member}/remove", new RemoveMemberRequest("Cambió de actividad", new DateOnly(2025, 6, 30)))).ShouldBeAsync(HttpStatusCode.OK);
        await (await specialist.Client.PostAsJsonAsync($"{url}/{member}/remove", new RemoveMemberRequest("Otra vez", null))).ShouldBeAsync(HttpStatusCode.NotFound);

        var read = await (await specialist.Client.GetAsync($"/api/networks/{network.Id}")).ReadAsync<NetworkDetails>();
        Assert.Equal((2, 2), (read.MemberCount, read.FemaleMemberCount));
        Assert.DoesNotContain(read.Members, m => m.ProducerId == member);
        var history = await (await specialist.Client.GetAsync($"{url}/history")).ReadAsync<List<MembershipDto>>();
        Assert.Equal(3, history.Count);
        var left = Assert.Single(history, h => h.ProducerId == member);
        Assert.Equal((FormedOn, new DateOnly(2025, 6, 30), "Cambió de actividad"), (left.JoinedOn, left.LeftOn, left.LeftReason));

        // Coming back opens a new membership; the closed one stays.
        await (await specialist.Client.PostAsJsonAsync(url, new AddMemberRequest(member, new DateOnly(2025, 9, 1)))).ShouldBeAsync(HttpStatusCode.OK);
        await (await specialist.Client.PostAsJsonAsync(url, new AddMemberRequest(member, null))).ShouldBeAsync(HttpStatusCode.Conflict, "producerId");
        history = await (await specialist.Client.GetAsync($"{url}/history")).ReadAsync<List<MembershipDto>>();
        Assert.Equal([new DateOnly(2025, 6, 30), null], history.Where(h => h.ProducerId == member).Select(h => h.LeftOn));
        Assert.Equal(3, (await (await specialist.Client.GetAsync($"/api/networks/{network.Id}")).ReadAsync<NetworkDetails>()).MemberCount);
    }

    [Fact]
    public async Task The_leader_cannot_be_removed_before_a_new_leader_is_set()
    {
        var tenant = await app.OnboardAsync();
        var (specialist, network) = await app.SpecialistWithNetworkAsync(tenant);
        var leader = network.Leader!.ProducerId;
        var successor = network.Members.First(m => !m.IsLeader).ProducerId;

        await (await specialist.Client.PostAsJsonAsync($"/api/networks/{network.Id}/members/{leader}/remove", new RemoveMemberRequest("Renuncia", null)))
            .ShouldBeAsync(HttpStatusCode.Conflict, "producerId");
        await (await specialist.Client.PutAsJsonAsync($"/api/networks/{network.Id}/leader", new ChangeLeaderRequest(successor, null))).ShouldBeAsync(HttpStatusCode.OK);
        await (await specialist.Client.PostAsJsonAsync($"/api/networks/{network.Id}/members/{leader}/remove", new RemoveMemberRequest("Renuncia", null)))
            .ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Only_active_producers_of_the_tenant_can_join_and_not_before_the_network_was_formed()
    {
        var tenant = await app.OnboardAsync();
        var other = await app.OnboardAsync();
        var (specialist, network) = await app.SpecialistWithNetworkAsync(tenant);
        var inactive = (await app.CreateProducersAsync(tenant.Id, active: false, Gender.Female))[0];
        var foreign = (await app.CreateProducersAsync(other.Id, Gender.Female))[0];
        var newcomer = (await app.CreateProducersAsync(tenant.Id, Gender.Female))[0];
        var url = $"/api/networks/{network.Id}/members";

        await (await specialist.Client.PostAsJsonAsync(url, new AddMemberRequest(inactive, null))).ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "producerId");
        await (await specialist.Client.PostAsJsonAsync(url, new AddMemberRequest(foreign, null))).ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "producerId");
        await (await specialist.Client.PostAsJsonAsync(url, new AddMemberRequest(newcomer, FormedOn.AddDays(-1)))).ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "on");
        await (await specialist.Client.PostAsJsonAsync(url, new AddMemberRequest(newcomer, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2)))).ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "on");
        var joined = await (await specialist.Client.PostAsJsonAsync(url, new AddMemberRequest(newcomer, null))).ReadAsync<MembershipDto>();
        Assert.Null(joined.LeftOn);
        Assert.Equal((4, 3), await CountsAsync(specialist.Client, network.Id));
    }

    static async Task<(int, int)> CountsAsync(HttpClient client, Guid networkId)
    {
        var details = await (await client.GetAsync($"/api/networks/{networkId}")).ReadAsync<NetworkDetails>();
        return (details.MemberCount, details.FemaleMemberCount);
    }
}
