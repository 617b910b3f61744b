using System.Net;
using RedesPlataforma.BuildingBlocks.Audit;
using RedesPlataforma.Reporting.PersonalData;
using RedesPlataforma.Testing;
using static RedesPlataforma.Reporting.FunctionalTests.Facts;

namespace RedesPlataforma.Reporting.FunctionalTests;

/// <summary>Reporting's part of a producer's access request: the derived row and whether a DNI hash exists, never the hash.</summary>
[Collection(ReportingHost.Name)]
public sealed class PersonalDataTests(ReportingApp app)
{
    [Fact]
    public async Task The_part_says_a_pseudonymous_hash_exists_without_its_value_and_records_the_read()
    {
        await using var events = await Events.StartAsync(app);
        var (a, b) = (await app.OnboardAsync(), await app.OnboardAsync());
        var registered = Producer(a.Id, region: "PE-PUN", gender: "Female");
        await events.PublishAsync(a.Id, registered);
        await app.ProcessedAsync(events);

        var response = await a.Admin.GetAsync($"/api/reporting/personal-data/producers/{registered.ProducerId}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(registered.DniHash!.Split(':')[1], body);
        var part = await response.ReadAsync<ReportingDataPart>();
        Assert.Equal((registered.ProducerId, "PE-PUN", "Female", true, "v1", true),
            (part.Producer.Id, part.Producer.RegionCode, part.Producer.Gender, part.Producer.PseudonymousDniHash, part.Producer.DniHashKeyVersion, part.Producer.CountedAsPerson));

        await (await b.Admin.GetAsync($"/api/reporting/personal-data/producers/{registered.ProducerId}")).ShouldBeAsync(HttpStatusCode.NotFound);
        await (await a.Admin.GetAsync($"/api/reporting/personal-data/producers/{Guid.NewGuid()}")).ShouldBeAsync(HttpStatusCode.NotFound);
        var entry = Assert.Single((await a.Admin.PageAsync<PersonalDataReadDto>("/api/reporting/personal-data/reads")).Items);
        Assert.Equal((PersonalDataAction.ProducerDataExported, registered.ProducerId), (entry.Action, entry.ProducerId));
        Assert.Empty((await b.Admin.PageAsync<PersonalDataReadDto>("/api/reporting/personal-data/reads")).Items);
    }
}
