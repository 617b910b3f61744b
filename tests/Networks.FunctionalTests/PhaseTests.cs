using System.Net;
using System.Net.Http.Json;
using RedesPlataforma.Networks.BusinessNetworks;
using RedesPlataforma.Networks.Producers;
using RedesPlataforma.Testing;
using static RedesPlataforma.Networks.FunctionalTests.NetworkScenario;

namespace RedesPlataforma.Networks.FunctionalTests;

[Collection(NetworksHost.Name)]
public sealed class PhaseTests(NetworksApp app)
{
    [Fact]
    public async Task Phases_advance_one_step_at_a_time_and_skipping_one_is_a_conflict()
    {
        var tenant = await app.OnboardAsync();
        var (specialist, network) = await app.SpecialistWithNetworkAsync(tenant);

        await (await specialist.Client.ChangePhaseAsync(network.Id, PhaseTo(Phase.PilotBusinessPlan))).ShouldBeAsync(HttpStatusCode.Conflict, "toPhase");
        await (await specialist.Client.ChangePhaseAsync(network.Id, PhaseTo(Phase.PromotionAndSelection))).ShouldBeAsync(HttpStatusCode.OK);
        await (await specialist.Client.ChangePhaseAsync(network.Id, PhaseTo(Phase.PromotionAndSelection))).ShouldBeAsync(HttpStatusCode.Conflict, "toPhase");
        await (await specialist.Client.ChangePhaseAsync(network.Id, PhaseTo(Phase.StrategicBusinessPlan))).ShouldBeAsync(HttpStatusCode.Conflict, "toPhase");
        await (await specialist.Client.ChangePhaseAsync(network.Id, PhaseTo(Phase.PilotBusinessPlan))).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal(Phase.PilotBusinessPlan, (await GetAsync(specialist.Client, network.Id)).Phase);
    }

    [Fact]
    public async Task Going_back_to_an_earlier_phase_needs_a_reason_which_the_history_keeps()
    {
        var tenant = await app.OnboardAsync();
        var (specialist, network) = await app.SpecialistWithNetworkAsync(tenant);
        await AdvanceToAsync(specialist.Client, network.Id, Phase.StrategicBusinessPlan);

        await (await specialist.Client.ChangePhaseAsync(network.Id, PhaseTo(Phase.PromotionAndSelection, on: FormedOn.AddDays(40))))
            .ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "reason");
        await (await specialist.Client.ChangePhaseAsync(network.Id, PhaseTo(Phase.PromotionAndSelection, on: FormedOn.AddDays(40), reason: "Se retiraron seis socios fundadores")))
            .ShouldBeAsync(HttpStatusCode.OK);

        var back = (await GetAsync(specialist.Client, network.Id)).PhaseHistory[^1];
        Assert.Equal((Phase.StrategicBusinessPlan, Phase.PromotionAndSelection, "Se retiraron seis socios fundadores"), (back.FromPhase, back.ToPhase, back.Reason));
    }

    [Fact]
    public async Task Consolidation_requires_the_network_to_have_a_RUC_which_it_then_keeps()
    {
        var tenant = await app.OnboardAsync();
        var (specialist, network) = await app.SpecialistWithNetworkAsync(tenant);
        await AdvanceToAsync(specialist.Client, network.Id, Phase.StrategicBusinessPlan);

        await (await specialist.Client.ChangePhaseAsync(network.Id, PhaseTo(Phase.Consolidation))).ShouldBeAsync(HttpStatusCode.Conflict, "ruc");
        await (await specialist.Client.PutAsJsonAsync($"/api/networks/{network.Id}", new UpdateNetworkRequest(network.Name, LegalForm.Cooperative, "20131312955")))
            .ShouldBeAsync(HttpStatusCode.OK);
        await (await specialist.Client.ChangePhaseAsync(network.Id, PhaseTo(Phase.Consolidation))).ShouldBeAsync(HttpStatusCode.OK);

        await (await specialist.Client.PutAsJsonAsync($"/api/networks/{network.Id}", new UpdateNetworkRequest(network.Name, LegalForm.Cooperative, null)))
            .ShouldBeAsync(HttpStatusCode.Conflict, "ruc");
        var read = await GetAsync(specialist.Client, network.Id);
        Assert.Equal((Phase.Consolidation, "20131312955", LegalForm.Cooperative), (read.Phase, read.Ruc, read.LegalForm));
    }

    [Fact]
    public async Task A_phase_change_dated_in_the_future_or_before_the_previous_change_is_refused()
    {
        var tenant = await app.OnboardAsync();
        var (specialist, network) = await app.SpecialistWithNetworkAsync(tenant);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);

        await (await specialist.Client.ChangePhaseAsync(network.Id, PhaseTo(Phase.PromotionAndSelection, on: tomorrow))).ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "on");
        await (await specialist.Client.ChangePhaseAsync(network.Id, PhaseTo(Phase.PromotionAndSelection, on: FormedOn.AddDays(-1)))).ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "on");
        await (await specialist.Client.ChangePhaseAsync(network.Id, PhaseTo(Phase.PromotionAndSelection, on: new DateOnly(2025, 3, 1)))).ShouldBeAsync(HttpStatusCode.OK);
        await (await specialist.Client.ChangePhaseAsync(network.Id, PhaseTo(Phase.PilotBusinessPlan, on: new DateOnly(2025, 2, 28)))).ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "on");
        await (await specialist.Client.ChangePhaseAsync(network.Id, PhaseTo(Phase.PilotBusinessPlan, on: new DateOnly(2025, 3, 1)))).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_phase_change_without_evidence_or_with_a_link_that_is_not_http_is_a_bad_request()
    {
        var tenant = await app.OnboardAsync();
        var (specialist, network) = await app.SpecialistWithNetworkAsync(tenant);
        var request = PhaseTo(Phase.PromotionAndSelection);

        await (await specialist.Client.ChangePhaseAsync(network.Id, request with { Evidence = "" })).ShouldBeAsync(HttpStatusCode.BadRequest, "evidence");
        foreach (var url in new[] { "javascript:alert(1)", "/docs/acta.pdf", "ftp://example.org/acta.pdf", "file:///etc/passwd" })
            await (await specialist.Client.ChangePhaseAsync(network.Id, request with { DocumentUrl = url })).ShouldBeAsync(HttpStatusCode.BadRequest, "documentUrl");
        await (await specialist.Client.PostAsJsonAsync($"/api/networks/{network.Id}/phase", new { toPhase = 7, on = "2025-02-01", evidence = "Acta" }))
            .ShouldBeAsync(HttpStatusCode.BadRequest, "toPhase");
        Assert.Empty((await GetAsync(specialist.Client, network.Id)).PhaseHistory);
    }

    [Fact]
    public async Task The_phase_history_lists_every_change_with_its_date_actor_evidence_and_document()
    {
        var tenant = await app.OnboardAsync();
        var (specialist, network) = await app.SpecialistWithNetworkAsync(tenant);
        var supervisor = await app.StaffAsync(tenant, "Supervisor");

        await (await specialist.Client.ChangePhaseAsync(network.Id, PhaseTo(Phase.PromotionAndSelection, documentUrl: "https://docs.example.org/acta-fundacion.pdf"))).ShouldBeAsync(HttpStatusCode.OK);
        await (await supervisor.Client.ChangePhaseAsync(network.Id, PhaseTo(Phase.PilotBusinessPlan))).ShouldBeAsync(HttpStatusCode.OK);

        var history = await (await tenant.Admin.GetAsync($"/api/networks/{network.Id}/phases")).ReadAsync<List<PhaseChangeDto>>();
        Assert.Collection(history,
            first =>
            {
                Assert.Equal((Phase.Preparation, Phase.PromotionAndSelection, FormedOn.AddDays(11)), (first.FromPhase, first.ToPhase, first.On));
                Assert.Equal((specialist.Id, "Juan Pérez Huamán"), (first.ActorId, first.ActorName));
                Assert.Equal(("Acta de la fase 1", "https://docs.example.org/acta-fundacion.pdf"), (first.Evidence, first.DocumentUrl));
            },
            second =>
            {
                Assert.Equal((Phase.PromotionAndSelection, Phase.PilotBusinessPlan), (second.FromPhase, second.ToPhase));
                Assert.Equal(supervisor.Id, second.ActorId);
                Assert.Null(second.DocumentUrl);
            });
        Assert.Equal(history.Select(WithoutFiles), (await GetAsync(tenant.Admin, network.Id)).PhaseHistory.Select(WithoutFiles));
    }

    /// <summary>Records compare a list by reference; the files have their own tests (EvidenceTests).</summary>
    static PhaseChangeDto WithoutFiles(PhaseChangeDto change) => change with { EvidenceFiles = null! };

    [Fact]
    public async Task Two_concurrent_phase_changes_on_one_network_one_wins_and_the_other_gets_409()
    {
        var tenant = await app.OnboardAsync();
        var specialist = await app.StaffAsync(tenant);
        var supervisor = await app.StaffAsync(tenant, "Supervisor");
        var members = await app.CreateProducersAsync(tenant.Id, Gender.Female);

        for (var round = 0; round < 5; round++)
        {
            var network = await specialist.Client.FormAsync(NetworkRequest(specialist.Id, members));
            var responses = await Task.WhenAll(
                specialist.Client.ChangePhaseAsync(network.Id, PhaseTo(Phase.PromotionAndSelection)),
                supervisor.Client.ChangePhaseAsync(network.Id, PhaseTo(Phase.PromotionAndSelection) with { Evidence = "Acta del supervisor" }));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            Assert.Single((await GetAsync(tenant.Admin, network.Id)).PhaseHistory);
        }
    }

    static async Task<NetworkDetails> GetAsync(HttpClient client, Guid id) => await (await client.GetAsync($"/api/networks/{id}")).ReadAsync<NetworkDetails>();

    static async Task AdvanceToAsync(HttpClient client, Guid networkId, Phase target)
    {
        for (var phase = Phase.PromotionAndSelection; phase <= target; phase++)
            await (await client.ChangePhaseAsync(networkId, PhaseTo(phase))).ShouldBeAsync(HttpStatusCode.OK);
    }
}
