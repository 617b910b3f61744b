using System.Net;
using System.Net.Http.Json;
using RedesPlataforma.BuildingBlocks.Audit;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Networks.BusinessNetworks;
using RedesPlataforma.Networks.Monitoring;
using RedesPlataforma.Networks.PersonalData;
using RedesPlataforma.Networks.Producers;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Networks.FunctionalTests;

/// <summary>A producer's access request (ARCO): everything Networks holds about them, for the tenant's admins.</summary>
[Collection(NetworksHost.Name)]
public sealed class ProducerDataExportTests(NetworksApp app)
{
    [Fact]
    public async Task The_export_holds_the_record_incomes_memberships_leadership_and_the_changes_and_files_that_name_them()
    {
        var a = await app.OnboardAsync();
        var (specialist, network) = await app.SpecialistWithNetworkAsync(a);
        var person = network.Members.Single(m => m.FullName.StartsWith("María 2 ")).ProducerId;
        var other = network.Members.Single(m => m.FullName.StartsWith("José 1 ")).ProducerId;
        var client = specialist.Client;
        await (await client.PutAsJsonAsync($"/api/networks/{network.Id}/leader", new ChangeLeaderRequest(person, NetworkScenario.FormedOn.AddDays(3))))
            .ShouldBeAsync(HttpStatusCode.OK);
        await (await a.Admin.PostAsJsonAsync($"/api/producers/{person}/incomes", ProducerScenario.Income(IncomeKind.Baseline, 5200m)))
            .ShouldBeAsync(HttpStatusCode.Created);
        await (await a.Admin.PostAsJsonAsync($"/api/producers/{other}/incomes", ProducerScenario.Income(IncomeKind.Baseline, 9999m)))
            .ShouldBeAsync(HttpStatusCode.Created);

        var namingPhoto = await client.UploadPhotoAsync(network.Id, "acta.jpg");
        var unrelatedPhoto = await client.UploadPhotoAsync(network.Id, "otra.jpg");
        await (await client.ChangePhaseAsync(network.Id, NetworkScenario.PhaseTo(Phase.PromotionAndSelection) with
            { Evidence = "Asamblea presidida por MARIA 2 quispe huaman, lideresa", EvidenceIds = [namingPhoto.Id] })).ShouldBeAsync(HttpStatusCode.OK);
        await (await client.ChangePhaseAsync(network.Id, NetworkScenario.PhaseTo(Phase.PilotBusinessPlan) with { EvidenceIds = [unrelatedPhoto.Id] }))
            .ShouldBeAsync(HttpStatusCode.OK);
        var fichaPhoto = await client.UploadPhotoAsync(network.Id, "Ficha_María_2_Quispe_Huamán.jpg");
        await (await client.PostAsJsonAsync($"/api/networks/{network.Id}/monitoring", new MonitoringRequest(
            new DateOnly(2025, 3, 1), 100m, 10m, "kg", 1m, "kg/cuy", [], [], 400m, [fichaPhoto.Id]))).ShouldBeAsync(HttpStatusCode.Created);

        var part = await (await a.Admin.GetAsync($"/api/producers/{person}/personal-data")).ReadAsync<ProducerDataPart>();

        Assert.Equal(("networks", person, "María 2", true), (part.Service, part.Producer.Id, part.Producer.FirstNames, part.Producer.ConsentGiven));
        Assert.Equal([5200m], part.Incomes.Select(i => i.AnnualNetIncomePen));
        var membership = Assert.Single(part.Memberships);
        Assert.Equal((network.Id, network.Name, true, (DateOnly?)null), (membership.NetworkId, membership.NetworkName, membership.LeadsNow, membership.LeftOn));
        Assert.Contains(part.LeaderHistory, l => l.Became && l.NetworkId == network.Id && l.On == NetworkScenario.FormedOn.AddDays(3));
        var change = Assert.Single(part.PhaseChanges);
        Assert.Equal(Phase.PromotionAndSelection, change.ToPhase);
        Assert.Equal(new[] { namingPhoto.Id, fichaPhoto.Id }.Order(), part.Evidence.Select(e => e.File.Id).Order());
        var ficha = part.Evidence.Single(e => e.File.Id == fichaPhoto.Id);
        Assert.Equal((new DateOnly(2025, 3, 1), $"/api/networks/{network.Id}/evidence/{fichaPhoto.Id}/content"), (ficha.MonitoringPeriod, ficha.ContentUrl));
        Assert.Equal(HttpStatusCode.OK, (await a.Admin.GetAsync(ficha.ContentUrl)).StatusCode);

        var entry = Assert.Single((await a.Admin.PageAsync<PersonalDataReadDto>("/api/producers/personal-data/reads?action=ProducerDataExported")).Items);
        Assert.Equal((person, a.Tenant.AdminId), (entry.ProducerId, entry.ActorId));
    }

    [Fact]
    public async Task Another_tenants_producer_and_an_unknown_id_are_404_and_other_roles_403()
    {
        var a = await app.OnboardAsync();
        var b = await app.OnboardAsync();
        var foreign = await b.Admin.RegisterAsync(ProducerScenario.Request());
        var own = await a.Admin.RegisterAsync(ProducerScenario.Request());
        var (_, supervisor) = await ProducerScenario.StaffClientAsync(app, a.Tenant, PlatformRoles.Supervisor);

        await ProducerScenario.AssertProblemAsync(await a.Admin.GetAsync($"/api/producers/{foreign.Id}/personal-data"), HttpStatusCode.NotFound);
        await ProducerScenario.AssertProblemAsync(await a.Admin.GetAsync($"/api/producers/{Guid.NewGuid()}/personal-data"), HttpStatusCode.NotFound);
        await ProducerScenario.AssertProblemAsync(await supervisor.GetAsync($"/api/producers/{own.Id}/personal-data"), HttpStatusCode.Forbidden);
        Assert.Empty((await a.Admin.PageAsync<PersonalDataReadDto>("/api/producers/personal-data/reads")).Items);
        Assert.Empty((await b.Admin.PageAsync<PersonalDataReadDto>("/api/producers/personal-data/reads")).Items);
    }
}
