using System.Net;
using System.Text.Json;
using RedesPlataforma.Contracts.Reporting;
using RedesPlataforma.Reporting.Figures;
using RedesPlataforma.Reporting.ReadModels;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Reporting.FunctionalTests;

/// <summary>Its own fixture: the national figures it compares cover every tenant of the app's database.</summary>
public sealed class RebuildTests(ReportingApp app) : IClassFixture<ReportingApp>
{
    [Fact]
    public async Task Rebuilding_clears_the_read_models_asks_the_services_for_their_state_and_the_snapshots_restore_the_figures()
    {
        await using var requests = await EventProbe.StartAsync(app.Tenants.Broker, typeof(ReadModelRebuildRequested));
        await using var events = await Events.StartAsync(app);
        await NationalSeed.SeedAsync(app, events);
        var national = await app.NationalClientAsync();
        // Every seeded event applied and the institutions named, not only the 14th network: a figure still on its way
        // would make the figures before differ from those the rebuild restores.
        var before = await app.NationalFiguresAsync(events, national);
        Assert.Equal(14m, before.Summary.Value(ReportTables.TotalKey, Catalog.Networks));

        var response = await national.PostAsync("/api/reporting/rebuild", null);
        await response.ShouldBeAsync(HttpStatusCode.Accepted);
        var rebuildId = (await response.ReadAsync<ReadModelsApi.RebuildAccepted>()).RebuildId;
        var cleared = await national.NationalAsync();
        Assert.All(cleared.Summary.Total.Values, v => Assert.True(v is null or 0m));
        await requests.WaitUntilAsync(p => p.Of<ReadModelRebuildRequested>().Any(r => r.Message.RebuildId == rebuildId), TimeSpan.FromSeconds(30),
            "the rebuild request");
        Assert.Null(requests.Of<ReadModelRebuildRequested>().Single(r => r.Message.RebuildId == rebuildId).Envelope.TenantHeader);

        // What the owning services send back: the Tenants service here answers for real (institutions, staff); the
        // others' snapshots are the seeded events republished as fresh messages.
        foreach (var (tenantId, message, _) in events.Published.ToList()) await events.PublishAsync(tenantId, message);
        await app.ProcessedAsync(events);

        await ReportingScenario.EventuallyAsync(() => national.NationalAsync(),
            after => JsonSerializer.Serialize(before, Json.Options) == JsonSerializer.Serialize(after, Json.Options), "the figures from before the rebuild");
    }
}
