using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using RedesPlataforma.Bench;
using RedesPlataforma.Bench.Reporting;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.Reporting.Cells;
using RedesPlataforma.Reporting.Extensions;
using RedesPlataforma.Reporting.Infrastructure;
using RedesPlataforma.Reporting.National;
using RedesPlataforma.Reporting.Suppression;
using RedesPlataforma.Testing;

// National dashboard on a synthetic nation, in process against the local PostgreSQL:
//  1. a fresh Reporting database (the service's migrations), the nation generated in SQL into the entity state tables,
//     the cells filled from them, VACUUM ANALYZE;
//  2. GET /api/reporting/national's work per request: a fresh DI scope, NationalReports.BuildAsync (the class the endpoint
//     calls, over the service's national connection pool), and the JSON body serialised as the endpoint would — not over
//     HTTP, so without Kestrel, routing and the bearer-token check;
//  3. the same code over views that compute each cell by GROUP BY over the entity rows (search_path raw, public),
//     the same number of runs; both dashboards must be equal before the speed-up is printed.

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
if (args is ["--freshness-against", var gateway, ..])
{
    // Called by freshness.sh once its stack is up: --freshness-against <gateway url> [samples] [background writers] [poll ms]
    int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
    Console.WriteLine($"# Reporting freshness bench  {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}Z, gateway {gateway}");
    Console.WriteLine($"machine: {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, load avg {Machine.LoadAverage()}");
    return await Freshness.RunAsync(new Uri(gateway), Arg(2, 200), Arg(3, 4), TimeSpan.FromMilliseconds(Arg(4, 20)));
}
var settings = BenchSettings.Parse(args);
if (settings is null) return 64;
var ct = CancellationToken.None;

Console.WriteLine($"# Reporting national dashboard bench  {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}Z");
Console.WriteLine($"machine: {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
                  $"GC={(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, load avg {Machine.LoadAverage()}");
Console.WriteLine($"nation: {settings.Tenants:N0} tenants, {settings.Producers:N0} producers, {settings.Networks:N0} networks, {settings.Months} months of monitoring");

var database = await TestDatabase.CreateAsync("rbench");
IHost? host = null;
NationalCells? rawCells = null;
try
{
    CellCatalog catalog;
    await using (var owner = new ReportingDb(new DbContextOptionsBuilder<ReportingDb>().UseServiceConventionsFor(database.OwnerConnectionString).Options, new CurrentTenant()))
    {
        await owner.Database.MigrateAsync(ct);
        catalog = new CellCatalog(owner.Model);
    }
    Console.WriteLine($"database {database.Name} (PostgreSQL {await OwnerScalarAsync<string>("SHOW server_version")}), migrated; " +
                      "the bench reads as redes_app in the national scope (row-level security on)");

    // Row-level security is forced on the owner too: lifted for the load, put back before anything is measured.
    var secured = ReadModelAccess.AllTables.ToArray();
    var clock = Stopwatch.StartNew();
    await OwnerExecuteAsync(string.Join('\n', secured.Select(t => $"ALTER TABLE {t} NO FORCE ROW LEVEL SECURITY;")));
    await OwnerExecuteAsync(Nation.Entities(settings));
    var entitiesTime = clock.Elapsed;
    await OwnerExecuteAsync(Nation.RawViews(catalog));
    await OwnerExecuteAsync(Nation.Cells(catalog));
    var cellsTime = clock.Elapsed - entitiesTime;
    var counts = new List<(string Table, long Rows, long Bytes)>();
    foreach (var table in ReadModelAccess.EntityTables.Concat(["institutions", "programmes"]).Concat(ReadModelAccess.CellTables))
        counts.Add((table, await OwnerScalarAsync<long>($"SELECT count(*) FROM {table}"), 0));
    await OwnerExecuteAsync(string.Join('\n', secured.Select(t => $"ALTER TABLE {t} FORCE ROW LEVEL SECURITY;")));
    await OwnerExecuteAsync(Nation.BenchReadPolicies(ReadModelAccess.EntityTables));
    foreach (var table in secured) await OwnerExecuteAsync($"VACUUM ANALYZE {table}");
    counts = [.. await Task.WhenAll(counts.Select(async c => c with { Bytes = await OwnerScalarAsync<long>($"SELECT pg_total_relation_size('{c.Table}')") }))];
    Console.WriteLine($"generated the entity rows in {entitiesTime.TotalSeconds:0.0} s, the cells in {cellsTime.TotalSeconds:0.0} s, " +
                      $"VACUUM ANALYZE in {(clock.Elapsed - entitiesTime - cellsTime).TotalSeconds:0.0} s");
    Console.WriteLine();
    Console.WriteLine("| table | rows | size MB (with indexes) |");
    Console.WriteLine("|---|---:|---:|");
    foreach (var (table, rows, bytes) in counts) Console.WriteLine($"| {table} | {rows:N0} | {bytes / 1048576.0:N1} |");
    Console.WriteLine();

    host = BuildHost(database);
    var services = host.Services;
    var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
    rawCells = new NationalCells(NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(ReadModelAccess.NationalConnectionString(database.AppConnectionString)) is var b
        ? new NpgsqlConnectionStringBuilder(b.ConnectionString) { Options = b.Options + " -c search_path=raw,public" }.ConnectionString
        : ""));
    var suppression = services.GetRequiredService<IOptions<SuppressionOptions>>();

    // One request as the endpoint serves it: a scope of its own, the dashboard, its JSON body.
    async Task<byte[]> FromCells()
    {
        await using var scope = services.CreateAsyncScope();
        var dashboard = await scope.ServiceProvider.GetRequiredService<NationalReports>().BuildAsync(ct);
        return JsonSerializer.SerializeToUtf8Bytes(dashboard, json);
    }
    async Task<byte[]> FromRawRows()
    {
        await using var scope = services.CreateAsyncScope();
        var dashboard = await new NationalReports(rawCells, catalog, suppression).BuildAsync(ct);
        return JsonSerializer.SerializeToUtf8Bytes(dashboard, json);
    }

    var cellsBody = await FromCells();
    var rawBody = await FromRawRows();
    using (var a = JsonDocument.Parse(cellsBody))
    using (var r = JsonDocument.Parse(rawBody))
    {
        if (!JsonElement.DeepEquals(a.RootElement, r.RootElement))
        {
            await File.WriteAllBytesAsync("national-cells.json", cellsBody);
            await File.WriteAllBytesAsync("national-raw.json", rawBody);
            throw new InvalidOperationException("The dashboard from cells differs from the one by GROUP BY over the entity rows: see national-cells.json and national-raw.json.");
        }
        var summary = a.RootElement.GetProperty("summary");
        Console.WriteLine($"both sides give the same dashboard ({cellsBody.Length / 1024.0:N0} KB of JSON, {a.RootElement.GetProperty("tables").GetArrayLength() + 1} tables); " +
                          $"summary total: {summary.GetProperty("total")}");
    }

    var cells = await MeasureAsync(FromCells, settings.Warmup, settings.Runs);
    var raw = await MeasureAsync(FromRawRows, settings.RawWarmup, settings.RawRuns);
    Console.WriteLine();
    Console.WriteLine($"national dashboard, one run after another: cells {settings.Runs} runs after {settings.Warmup} warm-up runs, " +
                      $"GROUP BY {settings.RawRuns} runs after {settings.RawWarmup}; times in ms, client side (scope + NationalReports.BuildAsync + JSON)");
    Console.WriteLine("| read | p50 | p95 | p99 | max |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    Console.WriteLine($"| cells (as served) | {cells.P50:0.0} | {cells.P95:0.0} | {cells.P99:0.0} | {cells.Max:0.0} |");
    Console.WriteLine($"| GROUP BY over entity rows | {raw.P50:0.0} | {raw.P95:0.0} | {raw.P99:0.0} | {raw.Max:0.0} |");
    Console.WriteLine($"speed-up of cells: {raw.P50 / cells.P50:0.0}x at p50, {raw.P95 / cells.P95:0.0}x at p95");
    Console.WriteLine($"goals: p95 <= 50 ms {(cells.P95 <= 50 ? "met" : "NOT met")}; >= 20x {(raw.P95 / cells.P95 >= 20 ? "met" : "NOT met")} (p95 ratio)");
    Console.WriteLine($"total {clock.Elapsed.TotalSeconds:0} s, load avg {Machine.LoadAverage()}");
    return 0;
}
finally
{
    if (rawCells is not null) await rawCells.DisposeAsync();
    if (host is IAsyncDisposable disposable) await disposable.DisposeAsync();
    if (settings.Keep) Console.WriteLine($"kept database {database.Name}");
    else try { await database.DisposeAsync(); } catch (Exception e) { Console.Error.WriteLine($"drop database {database.Name}: {e.Message}"); }
}

// ---------------------------------------------------------------------------------------------------------------

static async Task<Percentiles> MeasureAsync(Func<Task<byte[]>> request, int warmup, int runs)
{
    for (var i = 0; i < warmup; i++) await request();
    var samples = new List<double>(runs);
    for (var i = 0; i < runs; i++)
    {
        var start = Stopwatch.GetTimestamp();
        await request();
        samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }
    return Percentiles.Of(samples);
}

/// <summary>The registrations the national endpoint resolves, as AddReportingServices makes them (without the bus and the token check).</summary>
static IHost BuildHost(TestDatabase database)
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
    builder.Configuration.AddInMemoryCollection(
    [
        new("ConnectionStrings:Database", database.AppConnectionString),
        new("Logging:LogLevel:Default", "Warning"),
    ]);
    builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true);
    builder.AddServiceDatabase<ReportingDb>();
    builder.AddNationalReads();
    builder.Services.ConfigureHttpJsonOptions(_ => { }); // the endpoint's serializer options (web defaults)
    return builder.Build();
}

async Task OwnerExecuteAsync(string sql)
{
    await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 3600 };
    await command.ExecuteNonQueryAsync();
}

async Task<T> OwnerScalarAsync<T>(string sql)
{
    await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
    return (T)(await command.ExecuteScalarAsync())!;
}
