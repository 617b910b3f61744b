using System.Text.Json;
using Npgsql;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.Contracts.Networks;
using RedesPlataforma.Reporting.Figures;
using RedesPlataforma.Testing;
using static RedesPlataforma.Reporting.Figures.Catalog;
using static RedesPlataforma.Reporting.FunctionalTests.Facts;

namespace RedesPlataforma.Reporting.FunctionalTests;

/// <summary>
/// ProducerErased (docs/decisions/0028): the erased producer stays in every figure as an anonymous member, their DNI's
/// hash leaves the person cells for the producer's own key, and a redelivered event is applied once.
/// </summary>
public sealed class ProducerErasureTests(ReportingApp app) : IClassFixture<ReportingApp>
{
    private const string Total = ReportTables.TotalKey;

    [Fact]
    public async Task An_erased_producer_keeps_every_figure_and_loses_the_DNI_hash_applied_once()
    {
        await using var events = await Events.StartAsync(app);
        var (a, b) = (await app.OnboardAsync(), await app.OnboardAsync());
        var hashes = Enumerable.Range(0, 7).Select(_ => DniHash()).ToArray();
        var ids = new Dictionary<(Guid Tenant, int Dni), Guid>();
        foreach (var (tenant, dni) in new[] { (a.Id, 0), (a.Id, 1), (a.Id, 2), (a.Id, 3), (a.Id, 4), (a.Id, 5), (b.Id, 0), (b.Id, 6) })
        {
            ids[(tenant, dni)] = Guid.NewGuid();
            await events.PublishAsync(tenant, Producer(tenant, id: ids[(tenant, dni)]) with { DniHash = hashes[dni] });
        }
        ProducerErased Erased(Guid tenant, int dni) =>
            new(tenant, ids[(tenant, dni)], "PE-CUS", "080101", "Female", 1980, true, At(2025, 4), $"erased:{ids[(tenant, dni)]:N}");
        var national = await app.NationalClientAsync();
        Assert.Equal((8m, (decimal?)7m), await FiguresAsync(events, national));
        var dashboardBefore = JsonSerializer.Serialize(await a.Admin.DashboardAsync());

        // A person only A knows: every figure stays, the hash is gone, and the redelivered event changes nothing.
        await events.PublishAsync(a.Id, Erased(a.Id, 1));
        var (_, message, messageId) = events.Published[^1];
        await events.PublishAsync(a.Id, message, sequence: null, messageId);

        Assert.Equal((8m, (decimal?)7m), await FiguresAsync(events, national));
        Assert.Equal(dashboardBefore, JsonSerializer.Serialize(await a.Admin.DashboardAsync()));
        Assert.Equal(0L, await PersonCellsAsync(a.Id, hashes[1]));
        Assert.Equal(1L, await PersonCellsAsync(a.Id, $"erased:{ids[(a.Id, 1)]:N}"));
        Assert.Equal(1L, await InboxRowsAsync(messageId));

        // A person B also knows: the anonymous member no longer links to B's, so they count as two people (the decision's price).
        await events.PublishAsync(a.Id, Erased(a.Id, 0));
        Assert.Equal((8m, (decimal?)8m), await FiguresAsync(events, national));
        Assert.Equal(dashboardBefore, JsonSerializer.Serialize(await a.Admin.DashboardAsync()));
    }

    private async Task<(decimal? Producers, decimal? Unique)> FiguresAsync(Events events, HttpClient national)
    {
        await app.ProcessedAsync(events);
        var summary = (await national.NationalAsync()).Summary;
        return (summary.Value(Total, Catalog.Producers), summary.Value(Total, UniqueProducers));
    }

    private async Task<long> PersonCellsAsync(Guid tenantId, string hash)
    {
        await using var connection = new NpgsqlConnection(app.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT set_config('{TenantConnectionInterceptor.Setting}', @tenant, false); SELECT count(*) FROM person_cells WHERE dni_hash = @hash AND person_producers > 0",
            connection);
        command.Parameters.AddWithValue("tenant", tenantId.ToString());
        command.Parameters.AddWithValue("hash", hash);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        return reader.GetInt64(0);
    }

    private async Task<long> InboxRowsAsync(Guid messageId)
    {
        await using var connection = new NpgsqlConnection(app.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM inbox_messages WHERE message_id = @id", connection);
        command.Parameters.AddWithValue("id", messageId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
