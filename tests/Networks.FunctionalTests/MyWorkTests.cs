using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.Networks.BusinessNetworks;
using RedesPlataforma.Networks.Infrastructure;
using RedesPlataforma.Networks.Monitoring;
using RedesPlataforma.Networks.MyWork;
using RedesPlataforma.Networks.Producers;
using RedesPlataforma.Testing;
using static RedesPlataforma.Networks.FunctionalTests.NetworkScenario;

namespace RedesPlataforma.Networks.FunctionalTests;

[Collection(NetworksHost.Name)]
public sealed class MyWorkTests(NetworksApp app)
{
    const string Url = "/api/networks/my-work";

    static DateOnly LastMonthInPeru()
    {
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(-5)).DateTime);
        return new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
    }

    static MonitoringRequest Record(DateOnly period) => new(period, 100m, 10m, "kg", 1m, "kg/ha", null, null, 400m);

    [Fact]
    public async Task A_specialist_sees_their_own_networks_while_a_supervisor_and_an_admin_see_the_whole_team()
    {
        var tenant = await app.OnboardAsync();
        var (ana, anasNetwork) = await app.SpecialistWithNetworkAsync(tenant);
        var (luis, luisNetwork) = await app.SpecialistWithNetworkAsync(tenant);
        var supervisor = await app.StaffAsync(tenant, "Supervisor");
        var viewer = await app.StaffAsync(tenant, "Viewer");
        var other = await app.OnboardAsync();
        await app.SpecialistWithNetworkAsync(other);

        var anas = await (await ana.Client.GetAsync(Url)).ReadAsync<MyWork.MyWork>();
        var mine = Assert.Single(anas.Networks);
        Assert.Equal((anasNetwork.Id, anasNetwork.Name, "cuy", "PE-CUS", Phase.Preparation, 3, 0),
            (mine.Id, mine.Name, mine.ValueChainCode, mine.Region, mine.Phase, mine.MemberCount, mine.MembersWithoutConsentDate));
        Assert.Equal(anasNetwork.SpecialistName, mine.SpecialistName);
        Assert.NotNull(mine.SpecialistName);
        Assert.Equal(luisNetwork.Id, Assert.Single((await (await luis.Client.GetAsync(Url)).ReadAsync<MyWork.MyWork>()).Networks).Id);

        foreach (var teamWide in new[] { supervisor.Client, tenant.Admin })
        {
            var team = await (await teamWide.GetAsync(Url)).ReadAsync<MyWork.MyWork>();
            Assert.Equal(new[] { anasNetwork.Id, luisNetwork.Id }.Order(), team.Networks.Select(n => n.Id).Order());
            Assert.Equal(6, team.Producers.Total);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.Client.GetAsync(Url)).StatusCode);

        var newcomer = await app.StaffAsync(tenant, "Specialist");
        var nothingYet = await (await newcomer.Client.GetAsync(Url)).ReadAsync<MyWork.MyWork>();
        Assert.Empty(nothingYet.Networks);
        Assert.Equal(new MyWorkProducers(0, 0), nothingYet.Producers);
    }

    [Fact]
    public async Task Monitoring_is_due_for_last_month_until_recorded_and_members_without_a_consent_date_are_counted()
    {
        var tenant = await app.OnboardAsync();
        var (ana, network) = await app.SpecialistWithNetworkAsync(tenant);
        var withoutDate = network.Members[1].ProducerId;
        var registeredByAna = (await app.CreateProducersAsync(tenant.Id, Gender.Female))[0];
        await app.CreateProducersAsync(tenant.Id, Gender.Male); // neither hers nor in her network: not counted
        await using (var scope = TenantScope.Begin(app.Services, new TenantInfo(tenant.Id, "t", "t")))
        {
            var db = scope.Services.GetRequiredService<NetworksDb>();
            await db.Producers.Where(p => p.Id == withoutDate || p.Id == registeredByAna).ExecuteUpdateAsync(s => s.SetProperty(p => p.ConsentDate, (DateOnly?)null));
            await db.Producers.Where(p => p.Id == registeredByAna).ExecuteUpdateAsync(s => s.SetProperty(p => p.RegisteredBy, ana.Id));
        }

        var before = await (await ana.Client.GetAsync(Url)).ReadAsync<MyWork.MyWork>();
        var due = Assert.Single(before.Networks);
        Assert.Equal(LastMonthInPeru().ToString("yyyy-MM"), due.MonitoringDueFor);
        Assert.Equal(1, due.MembersWithoutConsentDate);
        Assert.Equal(new MyWorkProducers(4, 2), before.Producers); // her network's three members and the one she registered

        await (await ana.Client.PostAsJsonAsync($"/api/networks/{network.Id}/monitoring", Record(LastMonthInPeru().AddMonths(-1)))).ShouldBeAsync(HttpStatusCode.Created);
        Assert.NotNull(Assert.Single((await (await ana.Client.GetAsync(Url)).ReadAsync<MyWork.MyWork>()).Networks).MonitoringDueFor);
        await (await ana.Client.PostAsJsonAsync($"/api/networks/{network.Id}/monitoring", Record(LastMonthInPeru().AddDays(9)))).ShouldBeAsync(HttpStatusCode.Created);
        Assert.Null(Assert.Single((await (await ana.Client.GetAsync(Url)).ReadAsync<MyWork.MyWork>()).Networks).MonitoringDueFor);
    }

    [Fact]
    public async Task A_network_formed_this_month_owes_no_monitoring_for_last_month()
    {
        var tenant = await app.OnboardAsync();
        var ana = await app.StaffAsync(tenant);
        var members = await app.CreateProducersAsync(tenant.Id, Gender.Female, Gender.Male);
        var formedToday = NetworkRequest(ana.Id, members) with { FormedOn = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(-5)).DateTime) };
        await ana.Client.FormAsync(formedToday);

        Assert.Null(Assert.Single((await (await ana.Client.GetAsync(Url)).ReadAsync<MyWork.MyWork>()).Networks).MonitoringDueFor);
    }

    [Fact]
    public async Task Recent_activity_lists_what_happened_to_my_networks_and_producers_newest_first_and_nothing_of_others()
    {
        var tenant = await app.OnboardAsync();
        var (ana, network) = await app.SpecialistWithNetworkAsync(tenant);
        var (luis, luisNetwork) = await app.SpecialistWithNetworkAsync(tenant);
        var supervisor = await app.StaffAsync(tenant, "Supervisor");
        var newcomer = (await app.CreateProducersAsync(tenant.Id, Gender.Female))[0];

        await (await ana.Client.ChangePhaseAsync(network.Id, PhaseTo(Phase.PromotionAndSelection))).ShouldBeAsync(HttpStatusCode.OK);
        await (await ana.Client.PostAsJsonAsync($"/api/networks/{network.Id}/monitoring", Record(new DateOnly(2025, 3, 1)))).ShouldBeAsync(HttpStatusCode.Created);
        await (await ana.Client.PostAsJsonAsync($"/api/networks/{network.Id}/members", new AddMemberRequest(newcomer, null))).ShouldBeAsync(HttpStatusCode.OK);
        await (await luis.Client.ChangePhaseAsync(luisNetwork.Id, PhaseTo(Phase.PromotionAndSelection))).ShouldBeAsync(HttpStatusCode.OK);

        var recent = (await (await ana.Client.GetAsync(Url)).ReadAsync<MyWork.MyWork>()).Recent;
        Assert.Equal(
            [MyWorkActivityKind.MemberAdded, MyWorkActivityKind.MonitoringRecorded, MyWorkActivityKind.PhaseAdvanced,
             MyWorkActivityKind.ProducerRegistered, MyWorkActivityKind.NetworkFormed], // the newcomer was registered after the formation
            recent.Take(5).Select(a => a.Kind));
        Assert.Equal(newcomer, recent[3].ProducerId);
        Assert.Equal(recent.OrderByDescending(a => a.At).Select(a => a.At), recent.Select(a => a.At));
        Assert.Equal((network.Id, network.Name, newcomer), (recent[0].NetworkId, recent[0].NetworkName, recent[0].ProducerId));
        Assert.Equal("María 0 Quispe Huamán", recent[0].ProducerName);
        Assert.Equal(4, recent.Count(a => a.Kind == MyWorkActivityKind.ProducerRegistered)); // the three founders and the newcomer
        Assert.DoesNotContain(recent, a => a.NetworkId == luisNetwork.Id);
        Assert.Single(recent, a => a.Kind == MyWorkActivityKind.NetworkFormed); // founders' memberships are the formation

        var teams = (await (await supervisor.Client.GetAsync(Url)).ReadAsync<MyWork.MyWork>()).Recent;
        Assert.Equal((MyWorkActivityKind.PhaseAdvanced, luisNetwork.Id), (teams[0].Kind, teams[0].NetworkId));
        Assert.True(teams.Count <= MyWorkApi.RecentCount);
    }

    [Fact]
    public async Task Recent_activity_keeps_only_the_newest_twenty()
    {
        var tenant = await app.OnboardAsync();
        var (ana, first) = await app.SpecialistWithNetworkAsync(tenant);
        var members = await app.CreateProducersAsync(tenant.Id, Enumerable.Repeat(Gender.Female, 15).ToArray());
        for (var i = 0; i < 5; i++) await ana.Client.FormAsync(NetworkRequest(ana.Id, members.Skip(3 * i).Take(3).ToList()));

        // 6 formations and 18 registrations: the newest 20 are the last 5 formations and the last 15 registrations.
        var recent = (await (await ana.Client.GetAsync(Url)).ReadAsync<MyWork.MyWork>()).Recent;
        Assert.Equal(MyWorkApi.RecentCount, recent.Count);
        Assert.Equal(5, recent.Count(a => a.Kind == MyWorkActivityKind.NetworkFormed));
        Assert.DoesNotContain(recent, a => a.NetworkId == first.Id);
    }
}
