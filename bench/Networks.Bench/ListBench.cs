using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.Networks.Infrastructure;
using RedesPlataforma.Networks.Producers;

namespace RedesPlataforma.Bench.Networks;

public sealed record ListScenario(string Name, ProducerFilter Filter, int Page);

public sealed record ListResult(ListScenario Scenario, int TotalCount, int Items, double P50, double P95, double P99, double Max);

/// <summary>
/// The list endpoint's query (<see cref="ProducerList.PageAsync"/>: a COUNT and one page) for one tenant, each run in its own
/// DI scope and DbContext as a request would be, through the app role (row-level security on). Times are client-side.
/// </summary>
public static class ListBench
{
    public static IReadOnlyList<ListScenario> Scenarios(int deepPage, string dni) =>
    [
        new("no filter, page 1", Filter(), 1),
        new($"no filter, page {deepPage}", Filter(), deepPage),
        new("region + gender, page 1", Filter(region: "PE-CUS", gender: Gender.Female), 1),
        new($"region + gender, page {deepPage}", Filter(region: "PE-CUS", gender: Gender.Female), deepPage),
        new("search \"quispe\", page 1", Filter(search: "quispe"), 1),
        new($"search \"quispe\", page {deepPage}", Filter(search: "quispe"), deepPage),
        new("search \"rosa quispe\", page 1", Filter(search: "rosa quispe"), 1),
        new("search by DNI", Filter(search: dni), 1),
    ];

    private static ProducerFilter Filter(string? search = null, string? region = null, Gender? gender = null) =>
        new(search, region, null, gender, null, null, null);

    public static async Task<List<ListResult>> RunAsync(IServiceProvider services, TenantInfo tenant,
        IReadOnlyList<ListScenario> scenarios, BenchSettings settings, CancellationToken ct)
    {
        var results = new List<ListResult>();
        foreach (var scenario in scenarios)
        {
            var request = new PageRequest(scenario.Page, settings.PageSize);
            Page<ProducerSummary>? last = null;
            for (var i = 0; i < settings.Warmup; i++) last = await OnceAsync(services, tenant, scenario.Filter, request, ct);
            var samples = new List<double>(settings.Runs);
            for (var i = 0; i < settings.Runs; i++)
            {
                var start = Stopwatch.GetTimestamp();
                last = await OnceAsync(services, tenant, scenario.Filter, request, ct);
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            var (p50, p95, p99, max) = Percentiles.Of(samples);
            results.Add(new ListResult(scenario, last!.TotalCount, last.Items.Count, p50, p95, p99, max));
        }
        return results;
    }

    private static async Task<Page<ProducerSummary>> OnceAsync(IServiceProvider services, TenantInfo tenant, ProducerFilter filter, PageRequest page, CancellationToken ct)
    {
        await using var scope = TenantScope.Begin(services, tenant);
        return await ProducerList.PageAsync(scope.Services.GetRequiredService<NetworksDb>(), filter, page, ct);
    }

    /// <summary>EXPLAIN ANALYZE of the page query and the count, as the tenant (through the app role, so with row-level security).</summary>
    public static async Task ExplainAsync(IServiceProvider services, TenantInfo tenant, ListScenario scenario, int pageSize, CancellationToken ct)
    {
        await using var scope = TenantScope.Begin(services, tenant);
        var db = scope.Services.GetRequiredService<NetworksDb>();
        var page = db.Filtered(scenario.Filter).InListOrder()
            .Select(p => new ProducerSummary(p.Id, p.Dni, p.FirstNames, p.LastNames, p.Gender, p.BirthYear, p.DistrictCode, p.RegionCode, p.IsActive, ""))
            .Skip((scenario.Page - 1) * pageSize).Take(pageSize);
        await db.Database.OpenConnectionAsync(ct);
        foreach (var (label, command, wrap) in new[] { ("page", page.CreateDbCommand(), "{0}"), ("count", db.Filtered(scenario.Filter).Select(p => p.Id).CreateDbCommand(), "SELECT count(*) FROM ({0}) q") })
        {
            await using var _ = command;
            command.CommandText = "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + string.Format(wrap, command.CommandText);
            await using var reader = await command.ExecuteReaderAsync(ct);
            Console.WriteLine($"-- {scenario.Name} ({label})");
            while (await reader.ReadAsync(ct)) Console.WriteLine("   " + reader.GetString(0));
        }
    }
}
