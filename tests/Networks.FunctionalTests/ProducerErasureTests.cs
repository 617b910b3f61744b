using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.Contracts.Networks;
using RedesPlataforma.Networks.BusinessNetworks;
using RedesPlataforma.Networks.Producers;
using RedesPlataforma.Networks.Producers.Erasure;
using RedesPlataforma.Testing;
using static RedesPlataforma.Networks.FunctionalTests.NetworkScenario;

namespace RedesPlataforma.Networks.FunctionalTests;

/// <summary>
/// Erasing a producer's personal data on request or consent withdrawal (docs/decisions/0028): no endpoint shows the
/// person again, the figures' inputs stay, the leader rule refuses, only tenant admins may, and a repeat does nothing.
/// </summary>
[Collection(NetworksHost.Name)]
public sealed class ProducerErasureTests(NetworksApp app)
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>A producer with a name, DNI and phone no other test uses, registered by the tenant's admin.</summary>
    sealed record Person(ProducerDto Producer, string Dni, string LastNames, string Phone)
    {
        public string FullName => $"{Producer.FirstNames} {LastNames}";

        public IEnumerable<string> Traces => [Dni, LastNames, FullName, Phone];
    }

    static async Task<Person> RegisterPersonAsync(HttpClient admin)
    {
        var (dni, lastNames, phone) = (ProducerScenario.NewDni(), Scenario.Unique("Ccorimanya"), $"+51 9{Random.Shared.Next(10_000_000, 99_999_999)}");
        var producer = await admin.RegisterAsync(ProducerScenario.Request(dni) with { FirstNames = "Zenaida Ñahui", LastNames = lastNames, Phone = phone });
        return new Person(producer, dni, lastNames, phone);
    }

    static Task<HttpResponseMessage> EraseAsync(HttpClient client, Guid producerId, ErasureReason reason = ErasureReason.Request) =>
        client.PostAsJsonAsync($"/api/producers/{producerId}/erasure", new ErasureRequest(reason), Json.Options);

    [Fact]
    public async Task After_erasure_no_endpoint_returns_the_DNI_name_or_phone_and_what_figures_count_is_unchanged()
    {
        var tenant = await app.OnboardAsync();
        var (ana, network) = await app.SpecialistWithNetworkAsync(tenant);
        var person = await RegisterPersonAsync(tenant.Admin);
        var id = person.Producer.Id;
        await (await ana.Client.PostAsJsonAsync($"/api/networks/{network.Id}/members", new AddMemberRequest(id, null))).ShouldBeAsync(HttpStatusCode.OK);
        var leaving = network.Members.First(m => !m.IsLeader).ProducerId;
        await (await ana.Client.PostAsJsonAsync($"/api/networks/{network.Id}/members/{leaving}/remove",
            new RemoveMemberRequest($"Deja su lugar a {person.FullName} (DNI {person.Dni})", null))).ShouldBeAsync(HttpStatusCode.OK);
        await (await ana.Client.ChangePhaseAsync(network.Id, PhaseTo(Phase.PromotionAndSelection) with { Evidence = $"Acta firmada por {UnaccentedCapitals(person.FullName)}" }))
            .ShouldBeAsync(HttpStatusCode.OK);
        await (await tenant.Admin.PostAsJsonAsync($"/api/producers/{id}/incomes", ProducerScenario.Income(IncomeKind.Baseline, 4_200m), Json.Options))
            .ShouldBeAsync(HttpStatusCode.Created);
        var figuresBefore = await FiguresInputsAsync(tenant.Admin, network.Id, id);

        var erased = await (await EraseAsync(tenant.Admin, id)).ReadAsync<ProducerDto>();

        Assert.NotNull(erased.ErasedAt);
        Assert.Equal((null, "", "", null, 1980), (erased.Dni, erased.FirstNames, erased.LastNames, erased.Phone, erased.BirthYear));
        Assert.Equal((person.Producer.Gender, person.Producer.DistrictCode, person.Producer.RegionCode, true),
            (erased.Gender, erased.DistrictCode, erased.RegionCode, erased.IsActive));
        string[] urls =
        [
            $"/api/producers/{id}", "/api/producers?pageSize=100", $"/api/producers?search={person.Dni}", $"/api/producers?search={person.LastNames}",
            "/api/producers/export?format=csv", $"/api/producers/{id}/incomes", $"/api/networks/{network.Id}", $"/api/networks/{network.Id}/members/history",
            $"/api/networks/{network.Id}/leaders", $"/api/networks/{network.Id}/monitoring", "/api/networks/my-work",
        ];
        foreach (var url in urls)
        {
            foreach (var client in new[] { tenant.Admin, ana.Client })
            {
                var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
                Assert.All(person.Traces, trace => Assert.DoesNotContain(trace, body, StringComparison.OrdinalIgnoreCase));
            }
        }
        Assert.Equal(0, (await tenant.Admin.PageAsync<ProducerSummary>($"/api/producers?search={person.Dni}")).TotalCount);
        Assert.Equal(0, (await tenant.Admin.PageAsync<ProducerSummary>($"/api/producers?search={person.LastNames}")).TotalCount);
        var history = await (await tenant.Admin.GetAsync($"/api/networks/{network.Id}/members/history")).ReadAsync<List<MembershipDto>>();
        Assert.Contains(history, m => m.LeftReason == "Deja su lugar a [dato personal eliminado] (DNI [dato personal eliminado])");
        var phases = await (await tenant.Admin.GetAsync($"/api/networks/{network.Id}/phases")).ReadAsync<List<PhaseChangeDto>>();
        Assert.Contains(phases, p => p.Evidence == "Acta firmada por [dato personal eliminado]");
        Assert.All(await ProducerScenario.OutboxAsync(app, id), m => Assert.All(person.Traces, trace => Assert.DoesNotContain(trace, m.Body)));
        Assert.Equal(figuresBefore, await FiguresInputsAsync(tenant.Admin, network.Id, id));
        Assert.Equal(1, await app.CountAsync(
            $"SELECT count(*) FROM erasure_records WHERE tenant_id = @tenant AND producer_id = '{id}' AND reason = 'Request' AND erased_by = '{tenant.Tenant.AdminId}'",
            tenant.Id));
    }

    /// <summary>The name as a hurried hand writes it: "ZENAIDA NAHUI CCORIMANYA-…".</summary>
    static string UnaccentedCapitals(string name) => FoldedText.Fold(name).ToUpperInvariant();

    /// <summary>What the tenant's figures are computed from: producers by gender, region and activity, network members, incomes.</summary>
    static async Task<string> FiguresInputsAsync(HttpClient admin, Guid networkId, Guid producerId)
    {
        var producers = await admin.PageAsync<ProducerSummary>("/api/producers?pageSize=100");
        var network = await (await admin.GetAsync($"/api/networks/{networkId}")).ReadAsync<NetworkDetails>();
        var incomes = await (await admin.GetAsync($"/api/producers/{producerId}/incomes")).ReadAsync<List<IncomeDto>>();
        return JsonSerializer.Serialize(new
        {
            producers.TotalCount,
            Producers = producers.Items.Select(p => (p.Id, p.Gender, p.RegionCode, p.DistrictCode, p.IsActive)).OrderBy(p => p.Id).Select(p => p.ToString()),
            network.MemberCount, network.FemaleMemberCount, network.WomenLed,
            Incomes = incomes.Select(i => $"{i.Kind} {i.MeasuredOn} {i.AnnualNetIncomePen}"),
        });
    }

    [Fact]
    public async Task A_repeated_erasure_answers_the_same_and_sends_one_event_with_the_tenant_and_no_personal_data()
    {
        await using var probe = await EventProbe.StartAsync(app.Tenants.Broker, typeof(ProducerErased));
        var tenant = await app.OnboardAsync();
        var person = await RegisterPersonAsync(tenant.Admin);

        var first = await (await EraseAsync(tenant.Admin, person.Producer.Id)).ReadAsync<ProducerDto>();
        var second = await (await EraseAsync(tenant.Admin, person.Producer.Id, ErasureReason.ConsentWithdrawn)).ReadAsync<ProducerDto>();

        Assert.Equal(first, second);
        await probe.WaitUntilAsync(p => p.Of<ProducerErased>().Any(e => e.Message.ProducerId == person.Producer.Id), Timeout, "the erasure event");
        var queued = Assert.Single(await ProducerScenario.OutboxOfTypeAsync(app, tenant.Id, typeof(ProducerErased)));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var (envelope, message) = Assert.Single(probe.Of<ProducerErased>(), e => e.Message.ProducerId == person.Producer.Id);
        Assert.Equal(tenant.Id.ToString(), envelope.TenantHeader);
        Assert.Equal((tenant.Id, "PE-CUS", "Female", 1980, true, $"erased:{person.Producer.Id:N}"),
            (message.TenantId, message.RegionCode, message.Gender, message.BirthYear, message.IsActive, message.DniHash));
        Assert.All(person.Traces.Append(NetworksApp.DniHasher.Hash(person.Dni)), trace => Assert.DoesNotContain(trace, queued.Body));
        Assert.Equal(1, await app.CountAsync($"SELECT count(*) FROM erasure_records WHERE producer_id = '{person.Producer.Id}'", tenant.Id));
    }

    [Fact]
    public async Task Withdrawn_consent_records_its_date_and_the_freed_DNI_can_be_registered_again()
    {
        var tenant = await app.OnboardAsync();
        var person = await RegisterPersonAsync(tenant.Admin);
        var other = await RegisterPersonAsync(tenant.Admin);

        var erased = await (await EraseAsync(tenant.Admin, person.Producer.Id, ErasureReason.ConsentWithdrawn)).ReadAsync<ProducerDto>();
        await (await EraseAsync(tenant.Admin, other.Producer.Id)).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal((false, TimeProvider.System.PeruToday(), person.Producer.ConsentDate), (erased.ConsentGiven, erased.ConsentWithdrawnOn, erased.ConsentDate));
        var again = await tenant.Admin.RegisterAsync(ProducerScenario.Request(person.Dni));
        Assert.Equal(person.Dni, again.Dni);
    }

    [Fact]
    public async Task A_leader_is_refused_with_the_networks_to_change_first_and_nothing_changes()
    {
        var tenant = await app.OnboardAsync();
        var (_, network) = await app.SpecialistWithNetworkAsync(tenant);
        var leader = network.Leader!.ProducerId;
        var before = await (await tenant.Admin.GetAsync($"/api/producers/{leader}")).ReadAsync<ProducerDto>();

        var refused = await EraseAsync(tenant.Admin, leader);

        await refused.ShouldBeAsync(HttpStatusCode.Conflict);
        Assert.Contains(network.Name, JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
        Assert.Equal(before, await (await tenant.Admin.GetAsync($"/api/producers/{leader}")).ReadAsync<ProducerDto>());
        Assert.Empty(await ProducerScenario.OutboxOfTypeAsync(app, tenant.Id, typeof(ProducerErased)));
        Assert.Equal(0, await app.CountAsync("SELECT count(*) FROM erasure_records WHERE tenant_id = @tenant", tenant.Id));
    }

    [Fact]
    public async Task Only_the_tenants_admin_erases_and_only_its_own_producers()
    {
        var tenant = await app.OnboardAsync();
        var other = await app.OnboardAsync();
        var person = await RegisterPersonAsync(tenant.Admin);

        foreach (var role in new[] { "Specialist", "Supervisor" })
            await (await EraseAsync((await app.StaffAsync(tenant, role)).Client, person.Producer.Id)).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await EraseAsync(other.Admin, person.Producer.Id)).ShouldBeAsync(HttpStatusCode.NotFound);

        Assert.Equal(person.Dni, (await (await tenant.Admin.GetAsync($"/api/producers/{person.Producer.Id}")).ReadAsync<ProducerDto>()).Dni);
    }

    [Fact]
    public async Task An_erased_producer_can_be_neither_edited_back_nor_made_leader_nor_brought_into_another_network()
    {
        var tenant = await app.OnboardAsync();
        var (ana, network) = await app.SpecialistWithNetworkAsync(tenant);
        var member = network.Members.First(m => !m.IsLeader).ProducerId;
        await (await EraseAsync(tenant.Admin, member)).ShouldBeAsync(HttpStatusCode.OK);

        await (await tenant.Admin.PutAsJsonAsync($"/api/producers/{member}", ProducerScenario.Request(), Json.Options)).ShouldBeAsync(HttpStatusCode.Conflict, "dni");
        await (await ana.Client.PutAsJsonAsync($"/api/networks/{network.Id}/leader", new ChangeLeaderRequest(member, null)))
            .ShouldBeAsync(HttpStatusCode.Conflict, "producerId");

        var others = await app.CreateProducersAsync(tenant.Id, Gender.Female, Gender.Male);
        await (await ana.Client.PostAsJsonAsync("/api/networks", NetworkScenario.NetworkRequest(ana.Id, [member, .. others], leader: others[0])))
            .ShouldBeAsync(HttpStatusCode.Conflict, "memberIds");
        var second = await ana.Client.FormAsync(NetworkScenario.NetworkRequest(ana.Id, others));
        await (await ana.Client.PostAsJsonAsync($"/api/networks/{second.Id}/members", new AddMemberRequest(member, null)))
            .ShouldBeAsync(HttpStatusCode.Conflict, "producerId");
        Assert.Equal(2, (await ana.Client.GetFromJsonAsync<NetworkDetails>($"/api/networks/{second.Id}", Json.Options))!.MemberCount);
    }
}
