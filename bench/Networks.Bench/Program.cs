using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using RedesPlataforma.Bench;
using RedesPlataforma.Bench.Networks;
using RedesPlataforma.BuildingBlocks.Export;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.Contracts.Networks;
using RedesPlataforma.Networks.Infrastructure;
using RedesPlataforma.Networks.Producers;
using RedesPlataforma.Networks.Producers.Export;
using RedesPlataforma.Networks.Producers.Import;
using RedesPlataforma.Testing;

// Producer bulk import and producer list latency, in process against the local PostgreSQL:
//  1. import N producers from a CSV through ProducerImport (the class behind POST api/producers/import, called directly,
//     not over HTTP), against EF Core AddRange + SaveChanges of the same rows in the same database, each into its own tenant;
//  2. export them again (CSV and .xlsx) and import the .xlsx;
//  3. the list query on the N-producer tenant, page 1 and a deep page, with filters and searches, as migrated and with the
//     indexes docs/performance.md proposes.

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var settings = BenchSettings.Parse(args);
if (settings is null) return 64;
var ct = CancellationToken.None;

if (!await Reachable(LocalInfrastructure.PgHost, LocalInfrastructure.PgPort))
{
    Console.Error.WriteLine($"PostgreSQL (:{LocalInfrastructure.PgPort}) is not up: run `bash deploy/local/infra.sh start`.");
    return 69;
}

Console.WriteLine($"# Networks producers bench  {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}Z");
Console.WriteLine($"machine: {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
                  $"GC={(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, load avg {Machine.LoadAverage()}");

var database = await TestDatabase.CreateAsync("nbench");
IHost? host = null;
var csvPath = Path.Combine(Path.GetTempPath(), $"producers-bench-{Guid.NewGuid():N}.csv");
var xlsxPath = Path.ChangeExtension(csvPath, ".xlsx");
try
{
    await using (var owner = new NetworksDb(new DbContextOptionsBuilder<NetworksDb>().UseServiceConventionsFor(database.OwnerConnectionString).Options, new CurrentTenant()))
        await owner.Database.MigrateAsync(ct);
    Console.WriteLine($"database {database.Name} (PostgreSQL {await OwnerScalarAsync<string>("SHOW server_version")}), migrated; the bench connects as redes_app (row-level security on)");

    host = BuildHost(database);
    var services = host.Services;
    var actor = Guid.CreateVersion7();
    TenantInfo Tenant(string slug) => new(Guid.CreateVersion7(), slug, slug);
    var (importTenant, efTenant, efEventsTenant, xlsxTenant) = (Tenant("import"), Tenant("ef"), Tenant("ef-events"), Tenant("xlsx"));

    var clock = Stopwatch.StartNew();
    var producers = ProducerData.Generate(settings.Rows);
    await ProducerData.WriteCsvAsync(producers, csvPath);
    Console.WriteLine($"generated {producers.Count:N0} producers, CSV {new FileInfo(csvPath).Length / 1048576.0:0.0} MB, in {clock.Elapsed.TotalSeconds:0.0} s");
    Console.WriteLine();

    var phases = new List<PhaseResult>();
    if (settings.Includes("import"))
    {
        // Warm-up on a small file into a throw-away tenant: JIT and connection pool, as a running service would have.
        await ImportAsync(services, Tenant("warm-up"), actor, csvPath, dryRun: true, take: 1_000);
        phases.Add((await Measure.PhaseAsync($"import dry run (parse + COPY + check), {producers.Count:N0} rows", producers.Count,
            () => ImportAsync(services, importTenant, actor, csvPath, dryRun: true))).Result);
        var (report, result) = await Measure.PhaseAsync($"import (parse + COPY + check + INSERT producers and outbox), {producers.Count:N0} rows", producers.Count,
            () => ImportAsync(services, importTenant, actor, csvPath, dryRun: false));
        if (report.Inserted != producers.Count) throw new InvalidOperationException($"Import wrote {report.Inserted}, not {producers.Count}: {report.Message}");
        phases.Add(result);
    }

    if (settings.Includes("export") && settings.Includes("import"))
    {
        phases.Add((await Measure.PhaseAsync($"export CSV (streamed to a null stream), {producers.Count:N0} rows", producers.Count,
            () => ExportAsync(services, importTenant, (rows, body) => CsvTableWriter.WriteAsync(ProducerExport.Table(rows), body, ct), Stream.Null))).Result);
        await using (var xlsx = File.Create(xlsxPath))
            phases.Add((await Measure.PhaseAsync($"export .xlsx (temp file, then copied), {producers.Count:N0} rows", producers.Count,
                () => ExportAsync(services, importTenant, (rows, body) => XlsxTableWriter.WriteAsync(ProducerExport.Table(rows), body, ct), xlsx))).Result);
        var (xlsxReport, xlsxResult) = await Measure.PhaseAsync($"import .xlsx (the export above), {producers.Count:N0} rows", producers.Count,
            () => ImportAsync(services, xlsxTenant, actor, xlsxPath, dryRun: false));
        if (xlsxReport.Inserted != producers.Count) throw new InvalidOperationException($"xlsx import wrote {xlsxReport.Inserted}: {xlsxReport.Message}");
        phases.Add(xlsxResult);
    }

    if (settings.Includes("ef"))
    {
        phases.Add((await Measure.PhaseAsync($"EF Core AddRange + SaveChanges, producers only, {producers.Count:N0} rows", producers.Count,
            () => EfInsertAsync(services, efTenant, producers, withEvents: false))).Result);
        phases.Add((await Measure.PhaseAsync($"EF Core AddRange + SaveChanges, producers + their ProducersImported events, {producers.Count:N0} rows", producers.Count,
            () => EfInsertAsync(services, efEventsTenant, producers, withEvents: true))).Result);
    }

    PrintPhases(phases, settings);

    if (settings.Includes("list") && settings.Includes("import"))
    {
        // Autovacuum would get here on its own some seconds after a bulk load; the bench does not wait for it.
        foreach (var table in new[] { "producers", "memberships", "networks" }) await OwnerExecuteAsync($"VACUUM ANALYZE {table}");
        var scenarios = ListBench.Scenarios(settings.DeepPage, producers[producers.Count / 2].Dni);
        var results = await ListBench.RunAsync(services, importTenant, scenarios, settings, ct);
        if (settings.Explain) foreach (var s in scenarios) await ListBench.ExplainAsync(services, importTenant, s, settings.PageSize, ct);

        // Row-level security hides every row from a session without a tenant, the owner's too: ask the statistics.
        var tableRows = await OwnerScalarAsync<long>("SELECT reltuples::bigint FROM pg_class WHERE relname = 'producers'");
        PrintList(results, settings, tableRows);

        // What an import costs once the table is well filled (its indexes deeper than in the empty-table import above).
        var (_, intoFullTable) = await Measure.PhaseAsync($"import into a table of {tableRows:N0} rows", producers.Count,
            () => ImportAsync(services, Tenant("import-into-full-table"), actor, csvPath, dryRun: false));
        PrintPhases([intoFullTable], settings);
    }

    Console.WriteLine($"total {clock.Elapsed.TotalSeconds:0} s, load avg {Machine.LoadAverage()}");
    return 0;
}
finally
{
    if (host is IAsyncDisposable disposable) await disposable.DisposeAsync(); // closes the data source's pooled connections
    File.Delete(csvPath);
    File.Delete(xlsxPath);
    if (settings.Keep) Console.WriteLine($"kept database {database.Name}");
    else try { await database.DisposeAsync(); } catch (Exception e) { Console.Error.WriteLine($"drop database {database.Name}: {e.Message}"); }
}

// ---------------------------------------------------------------------------------------------------------------

static IHost BuildHost(TestDatabase database)
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
    builder.Configuration.AddInMemoryCollection(
    [
        new("ConnectionStrings:Database", database.AppConnectionString),
        new("Logging:LogLevel:Default", "Warning"),
        new($"Logging:LogLevel:{typeof(ProducerImport).FullName}", "Information"), // its stage timings
    ]);
    builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true);
    builder.AddServiceDatabase<NetworksDb>(); // the service's own registration: data source, tenant and audit interceptors
    builder.Services.AddScoped<ProducerImport>();
    builder.Services.AddSingleton(new DniHasher("bench", System.Security.Cryptography.RandomNumberGenerator.GetBytes(DniHashOptions.MinKeyBytes)));
    return builder.Build();
}

static async Task<ImportReport> ImportAsync(IServiceProvider services, TenantInfo tenant, Guid actor, string path, bool dryRun, int? take = null)
{
    await using var scope = TenantScope.Begin(services, tenant);
    var import = scope.Services.GetRequiredService<ProducerImport>();
    Stream file = File.OpenRead(path);
    if (take is { } rows)
    {
        var lines = (await File.ReadAllLinesAsync(path)).Take(rows + 1);
        file = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines)));
    }
    await using (file)
    {
        var type = path.EndsWith(".xlsx") ? ImportRowSource.XlsxContentType : "text/csv";
        return await import.RunAsync(new ImportFile(file, Path.GetFileName(path), type), new ImportOptions(ImportMode.AllOrNothing, dryRun, null), actor, CancellationToken.None);
    }
}

/// <summary>The naive way: entities built from rows already parsed and resolved (EF gets the head start), one AddRange, one SaveChanges.</summary>
static async Task<int> EfInsertAsync(IServiceProvider services, TenantInfo tenant, List<GeneratedProducer> rows, bool withEvents)
{
    await using var scope = TenantScope.Begin(services, tenant);
    var db = scope.Services.GetRequiredService<NetworksDb>();
    var now = DateTimeOffset.UtcNow;
    var producers = rows.Select(r => new Producer
    {
        TenantId = tenant.Id, Dni = r.Dni, FirstNames = r.FirstNames, LastNames = r.LastNames, Gender = r.Gender, BirthYear = r.BirthYear,
        DistrictCode = r.District.Code, RegionCode = r.District.RegionCode, Phone = r.Phone, ConsentGiven = true, ConsentDate = r.ConsentDate,
    }).ToList();
    db.Producers.AddRange(producers);
    if (withEvents)
    {
        var importId = Guid.CreateVersion7();
        foreach (var chunk in producers.Chunk(ProducersImported.MaxProducers))
            db.AddIntegrationEvent(new ProducersImported(tenant.Id, importId,
                [.. chunk.Select(p => new ImportedProducer(p.Id, p.RegionCode, p.DistrictCode, p.Gender.ToString(), p.BirthYear))], now), importId);
    }
    return await db.SaveChangesAsync();
}

static async Task<long> ExportAsync(IServiceProvider services, TenantInfo tenant, Func<IAsyncEnumerable<ProducerExportRow>, Stream, Task> write, Stream body)
{
    await using var scope = TenantScope.Begin(services, tenant);
    var rows = ProducerExport.Rows(scope.Services.GetRequiredService<NetworksDb>(), new ProducerFilter(null, null, null, null, null, null, null));
    await write(rows, body);
    return body.CanSeek ? body.Length : 0;
}

static void PrintPhases(List<PhaseResult> phases, BenchSettings settings)
{
    if (phases.Count == 0) return;
    Console.WriteLine($"| phase | wall s | rows/s | allocated MB | peak RSS MB{(Measure.PeakIsPerPhase ? " (this phase)" : " (process)")} | GC gen0/1/2 | GC pause ms |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
    foreach (var p in phases)
        Console.WriteLine($"| {p.Name} | {p.Wall.TotalSeconds:0.00} | {p.RowsPerSecond:N0} | {p.AllocatedBytes / 1048576.0:N0} | {p.PeakWorkingSet / 1048576.0:N0} | {p.Gen0}/{p.Gen1}/{p.Gen2} | {p.GcPause.TotalMilliseconds:N0} |");
    var import = phases.FirstOrDefault(p => p.Name.StartsWith("import (parse"));
    if (import is not null)
        foreach (var ef in phases.Where(p => p.Name.StartsWith("EF Core")))
            Console.WriteLine($"import is {ef.Wall / import.Wall:0.0}x faster than \"{ef.Name}\"");
    Console.WriteLine();
}

static void PrintList(List<ListResult> results, BenchSettings settings, long tableRows)
{
    Console.WriteLine($"producer list, page size {settings.PageSize}, {settings.Runs} runs each after {settings.Warmup} warm-up runs; " +
                      $"the table holds {tableRows:N0} producers of all tenants; times in ms, client side (new scope + DbContext + COUNT + page)");
    Console.WriteLine("| query | matching | p50 | p95 | p99 | max |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    foreach (var r in results)
        Console.WriteLine($"| {r.Scenario.Name} | {r.TotalCount:N0} | {r.P50:0.0} | {r.P95:0.0} | {r.P99:0.0} | {r.Max:0.0} |");
    Console.WriteLine();
}

async Task OwnerExecuteAsync(string sql)
{
    await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
    await command.ExecuteNonQueryAsync();
}

async Task<T> OwnerScalarAsync<T>(string sql)
{
    await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    return (T)(await command.ExecuteScalarAsync())!;
}

static async Task<bool> Reachable(string host, int port)
{
    try
    {
        using var client = new TcpClient();
        await client.ConnectAsync(host, port).WaitAsync(TimeSpan.FromSeconds(2));
        return true;
    }
    catch (Exception)
    {
        return false;
    }
}

