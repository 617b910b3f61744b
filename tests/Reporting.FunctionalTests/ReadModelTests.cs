using System.Net;
using System.Text.Json;
using RedesPlataforma.Contracts.Tenants;
using RedesPlataforma.Reporting.Figures;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Reporting.FunctionalTests;

public sealed class ReadModelTests(ReportingApp app) : IClassFixture<ReportingApp>
{
    [Fact]
    public async Task Clearing_the_read_models_and_replaying_snapshots_twice_rebuilds_the_same_national_figures()
    {
        await using var events = await Events.StartAsync(app);
        var (a, b, c, _) = await NationalSeed.SeedAsync(app, events);
        var national = await app.NationalClientAsync();
        var before = await app.NationalFiguresAsync(events, national);
        Assert.Equal(14, before.Summary.Value(ReportTables.TotalKey, Catalog.Networks));

        await (await national.DeleteAsync("/api/reporting/read-models")).ShouldBeAsync(HttpStatusCode.NoContent);
        var cleared = await national.NationalAsync();
        Assert.All(cleared.Tables, t => Assert.Empty(t.Rows));
        Assert.All(cleared.Summary.Total.Values, v => Assert.True(v is null or 0m));

        // A rebuild: the services republish their state as fresh messages (new MessageIds, newer sequences), here twice over.
        var snapshot = events.Published.ToList();
        var institutions = new[] { a, b, c }.Select(t => new TenantActivated(t.Id, t.Tenant.Slug, $"Institución {t.Tenant.Slug}", "Public", ["PE-CUS"], Facts.At(2025, 1)));
        for (var replay = 0; replay < 2; replay++)
        {
            foreach (var institution in institutions) await events.PublishAsync(institution.TenantId, institution);
            foreach (var (tenantId, message, _) in snapshot) await events.PublishAsync(tenantId, message);
        }
        await app.ProcessedAsync(events);

        var after = await national.NationalAsync();
        Assert.Equal(JsonSerializer.Serialize(before, Json.Options), JsonSerializer.Serialize(after, Json.Options));
    }
}
