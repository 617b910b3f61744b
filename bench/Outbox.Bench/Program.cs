using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using RedesPlataforma.Bench;
using RedesPlataforma.Bench.Outbox;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.Testing;

// Outbox end-to-end latency: COMMIT of (entity row + outbox row) -> MassTransit consumer (behind the inbox filter)
// over the local PostgreSQL and RabbitMQ. Everything runs in this process, so commit and receive share one
// monotonic clock (Stopwatch.GetTimestamp).

const int AggregateEvents = 3; // events per transaction in scenario 4

var settings = BenchSettings.Parse(args);
if (settings is null) return 64;

using var budget = new CancellationTokenSource(settings.Budget);
Console.CancelKeyPress += (_, e) => { e.Cancel = true; budget.Cancel(); };
var ct = budget.Token;

if (!await Reachable(LocalInfrastructure.PgHost, LocalInfrastructure.PgPort) || !await Reachable("127.0.0.1", LocalInfrastructure.Rabbit.AmqpPort))
{
    Console.Error.WriteLine($"PostgreSQL (:{LocalInfrastructure.PgPort}) or RabbitMQ (:{LocalInfrastructure.Rabbit.AmqpPort}) is not up: run `bash deploy/local/infra.sh start`.");
    return 69;
}

var clock = Stopwatch.StartNew();
Console.WriteLine($"# Outbox bench  {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}Z");
Console.WriteLine($"machine: {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
                  $"GC={(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, load avg {Machine.LoadAverage()}");

var database = await TestDatabase.CreateAsync("bench");
TestVirtualHost? broker = null;
IHost? host = null;
var exitCode = 0;
var results = new List<ScenarioResult>();
var notes = new List<string>();
try
{
    broker = await TestVirtualHost.CreateAsync();
    await CreateSchemaAsync(database);
    Console.WriteLine($"database {database.Name} (PostgreSQL {await ScalarAsync<string>(database, "SHOW server_version")}), vhost {broker.Name}, " +
                      $"poll interval {settings.PollInterval.TotalSeconds:0.###} s, batch size {new MessagingOptions().OutboxBatchSize}");

    using var claims = new ClaimCounter();
    host = await StartHostAsync(database, broker, settings);
    var recorder = host.Services.GetRequiredService<LatencyRecorder>();
    using var publishObserver = host.Services.GetRequiredService<IBus>().ConnectPublishObserver(new BenchPublishObserver(recorder));
    var scopes = host.Services.GetRequiredService<IServiceScopeFactory>();
    Console.WriteLine($"host ready in {clock.Elapsed.TotalSeconds:0.0} s");
    Console.WriteLine();

    var bus = host.Services.GetRequiredService<IBus>();

    // Warm-up: JIT, connection pools, broker channels. Discarded.
    var warmup = await RunScenarioAsync("warm-up", settings.Warmup, run => SequentialAsync(run, scopes, recorder, settings.Gap, ct),
        database, recorder, claims, TimeSpan.FromSeconds(30), ct);
    Console.WriteLine($"warm-up: {warmup.Received}/{warmup.Events} events in {warmup.WallSeconds:0.00} s (discarded)");

    if (settings.Runs("sequential"))
        results.Add(await RunScenarioAsync($"1. sequential NOTIFY ({settings.Gap.TotalMilliseconds:0} ms apart)", settings.Sequential,
            run => SequentialAsync(run, scopes, recorder, settings.Gap, ct), database, recorder, claims,
            settings.Gap * settings.Sequential * 3 + TimeSpan.FromSeconds(20), ct));

    if (settings.Runs("aggregate"))
    {
        // Several events of one aggregate in one transaction, each transaction alone (no other traffic wakes the dispatcher).
        await SettleAsync(claims, settings.PollInterval, ct); // a queued NOTIFY would hide what this scenario looks for
        var transactions = settings.AggregateTransactions;
        var gap = settings.PollInterval * 2.5;
        var result = await RunScenarioAsync($"4. same aggregate, {AggregateEvents} events/txn ({transactions} txns, {gap.TotalSeconds:0.#} s apart)",
            transactions * AggregateEvents, run => SameAggregateAsync(run, scopes, recorder, AggregateEvents, gap, ct), database, recorder, claims,
            gap * transactions + settings.PollInterval * (AggregateEvents + 3) + TimeSpan.FromSeconds(10), ct);
        results.Add(result);
        notes.Add($"4. latency by position of the event in its transaction (p50 / max ms): " + string.Join(", ",
            Enumerable.Range(0, AggregateEvents).Select(k =>
            {
                var of = result.LatencyByIndex.Where((_, i) => i % AggregateEvents == k && !double.IsNaN(result.LatencyByIndex[i])).ToList();
                var stats = Stats.Of(of);
                return $"#{k + 1} {stats.P50:0} / {stats.Max:0}";
            })));
    }

    if (settings.Runs("burst"))
    {
        results.Add(await RunScenarioAsync($"2. burst NOTIFY ({settings.Writers} writers)", settings.Burst,
            run => BurstAsync(run, scopes, recorder, settings.Writers, ct), database, recorder, claims, TimeSpan.FromSeconds(90), ct));
        var (extra, seconds) = await SettleAsync(claims, settings.PollInterval, ct);
        notes.Add($"2. after the burst's last event was consumed the dispatcher ran {extra} more claim queries over {seconds:0.0} s " +
                  "(one per NOTIFY still queued on its LISTEN connection, all empty)" +
                  (seconds >= 29 ? "; still draining when the bench stopped waiting (30 s cap)." : " before falling back to its poll rhythm."));
    }

    if (settings.Runs("ceiling"))
    {
        // No outbox at all: the same event published straight through IBus, one awaited publish at a time (what the
        // dispatcher does inside a batch) and then a batch's worth in flight at once. The gap is the dispatcher's headroom.
        results.Add(await RunScenarioAsync("5a. reference: IBus.Publish awaited one by one (no outbox)", settings.Ceiling,
            run => DirectPublishAsync(run, bus, recorder, 1, ct), database, recorder, claims, TimeSpan.FromSeconds(60), ct));
        results.Add(await RunScenarioAsync("5b. reference: IBus.Publish, 200 in flight (no outbox)", settings.Ceiling,
            run => DirectPublishAsync(run, bus, recorder, 200, ct), database, recorder, claims, TimeSpan.FromSeconds(60), ct));
    }

    if (settings.Runs("poll"))
    {
        // Without the trigger nothing wakes the dispatcher but its LISTEN timeout, i.e. the poll interval.
        await ExecuteAsOwnerAsync(database, "DROP TRIGGER outbox_messages_notify ON outbox_messages");
        await SettleAsync(claims, settings.PollInterval, ct); // let any queued notification drain
        results.Add(await RunScenarioAsync($"3. sequential poll only ({settings.PollInterval.TotalSeconds:0.#} s, no trigger)", settings.Sequential,
            run => SequentialAsync(run, scopes, recorder, settings.Gap, ct), database, recorder, claims,
            settings.Gap * settings.Sequential * 3 + settings.PollInterval * 3 + TimeSpan.FromSeconds(20), ct));
    }

    Report(results, notes);
    Console.WriteLine($"duplicates delivered: {recorder.Duplicates}, events outside any scenario: {recorder.Strays}, load avg {Machine.LoadAverage()}, " +
                      $"total {clock.Elapsed.TotalSeconds:0.0} s");
    if (results.Any(r => r.Received < r.Events))
    {
        Console.Error.WriteLine("Some events did not arrive in time; figures above cover only those that did.");
        exitCode = 2;
    }
}
catch (OperationCanceledException) when (budget.IsCancellationRequested)
{
    Console.Error.WriteLine($"Stopped: time budget of {settings.Budget.TotalSeconds:0} s exhausted or interrupted; scenarios finished so far:");
    Report(results, notes);
    exitCode = 3;
}
finally
{
    if (host is not null)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try { await host.StopAsync(stop.Token); } catch (Exception e) { Console.Error.WriteLine($"host stop: {e.Message}"); }
        host.Dispose();
    }
    try { await database.DisposeAsync(); } catch (Exception e) { Console.Error.WriteLine($"drop database {database.Name}: {e.Message}"); }
    if (broker is not null)
        try { await broker.DisposeAsync(); } catch (Exception e) { Console.Error.WriteLine($"delete vhost {broker.Name}: {e.Message}"); }
}
return exitCode;

// ---------------------------------------------------------------------------------------------------------------

static async Task CreateSchemaAsync(TestDatabase database)
{
    // As the owner role, the way a migration would; redes_app gets DML through the database's default privileges.
    await using (var owner = new BenchDb(new DbContextOptionsBuilder<BenchDb>().UseServiceConventionsFor(database.OwnerConnectionString).Options))
        await owner.Database.EnsureCreatedAsync();

    // The trigger's SQL exactly as services' migrations get it.
    var migration = new MigrationBuilder("Npgsql.EntityFrameworkCore.PostgreSQL");
    migration.CreateOutboxNotifyTrigger();
    foreach (var operation in migration.Operations.OfType<SqlOperation>())
        await ExecuteAsOwnerAsync(database, operation.Sql);
}

static async Task<IHost> StartHostAsync(TestDatabase database, TestVirtualHost broker, BenchSettings settings)
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
    builder.Configuration.AddInMemoryCollection(
    [
        new("ConnectionStrings:Database", database.AppConnectionString),
        .. broker.Settings(),
        new("Messaging:OutboxPollInterval", settings.PollInterval.ToString("c")),
        new("Logging:LogLevel:Default", "Warning"),
    ]);
    builder.Services.AddSingleton<LatencyRecorder>();
    builder.AddServiceDatabase<BenchDb>();
    builder.AddMessaging<BenchDb>("bench", bus => bus.AddConsumer<BenchEventConsumer>().Endpoint(e => e.Name = "bench-events"));
    var host = builder.Build();
    await host.StartAsync();
    await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
    return host;
}

/// <summary>One business transaction: an entity row and its event's outbox row in a single SaveChanges.</summary>
static async Task CommitOneAsync(IServiceScopeFactory scopes, LatencyRecorder recorder, Guid id, int amount, CancellationToken ct)
{
    await using var scope = scopes.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<BenchDb>();
    db.Orders.Add(new BenchOrder { Id = id, Amount = amount });
    var sent = Stopwatch.GetTimestamp();
    db.AddIntegrationEvent(new BenchEvent(id, sent), id);
    await db.SaveChangesAsync(ct);
    recorder.Committed(id, sent, Stopwatch.GetTimestamp());
}

static async Task SequentialAsync(BenchRun run, IServiceScopeFactory scopes, LatencyRecorder recorder, TimeSpan gap, CancellationToken ct)
{
    for (var i = 0; i < run.Ids.Length; i++)
    {
        await CommitOneAsync(scopes, recorder, run.Ids[i], i, ct);
        await Task.Delay(gap, ct);
    }
}

/// <summary>
/// Waits until the dispatcher is back to one claim per poll interval, i.e. no NOTIFY is left queued on its LISTEN
/// connection. Returns how many claims it ran meanwhile (not counting the quiet window) and for how long.
/// </summary>
static async Task<(long ExtraClaims, double Seconds)> SettleAsync(ClaimCounter claims, TimeSpan pollInterval, CancellationToken ct)
{
    if (claims.Count < 0) { await Task.Delay(pollInterval * 2, ct); return (0, 0); }
    var started = Stopwatch.GetTimestamp();
    var start = claims.Count;
    var window = pollInterval * 1.5;
    var deadline = TimeSpan.FromSeconds(30);
    while (true)
    {
        var before = claims.Count;
        var windowStart = Stopwatch.GetTimestamp();
        await Task.Delay(window, ct);
        if (claims.Count - before <= 2 || Stopwatch.GetElapsedTime(started) > deadline)
            return (before - start, Stopwatch.GetElapsedTime(started, windowStart).TotalSeconds);
    }
}

static async Task SameAggregateAsync(BenchRun run, IServiceScopeFactory scopes, LatencyRecorder recorder, int perTransaction, TimeSpan gap, CancellationToken ct)
{
    for (var t = 0; t < run.Ids.Length / perTransaction; t++)
    {
        if (t > 0) await Task.Delay(gap, ct);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchDb>();
        var ids = run.Ids.AsSpan(t * perTransaction, perTransaction).ToArray();
        db.Orders.Add(new BenchOrder { Id = ids[0], Amount = t });
        var sent = Stopwatch.GetTimestamp();
        foreach (var id in ids) db.AddIntegrationEvent(new BenchEvent(id, sent), ids[0]);
        await db.SaveChangesAsync(ct);
        var committed = Stopwatch.GetTimestamp();
        foreach (var id in ids) recorder.Committed(id, sent, committed);
    }
}

static async Task DirectPublishAsync(BenchRun run, IBus bus, LatencyRecorder recorder, int inFlight, CancellationToken ct)
{
    foreach (var chunk in run.Ids.Chunk(inFlight))
        await Task.WhenAll(chunk.Select(async id =>
        {
            var sent = Stopwatch.GetTimestamp();
            recorder.Committed(id, sent, sent);
            await bus.Publish(new BenchEvent(id, sent), ct);
        }));
}

static async Task BurstAsync(BenchRun run, IServiceScopeFactory scopes, LatencyRecorder recorder, int writers, CancellationToken ct)
{
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < run.Ids.Length)
            await CommitOneAsync(scopes, recorder, run.Ids[i], i, ct);
    }, ct)));
}

static async Task<ScenarioResult> RunScenarioAsync(string name, int count, Func<BenchRun, Task> write, TestDatabase database,
    LatencyRecorder recorder, ClaimCounter claims, TimeSpan timeout, CancellationToken ct)
{
    var run = new BenchRun(name, count);
    var sequenceBefore = await ScalarAsync<long>(database, "SELECT coalesce(max(sequence), 0) FROM outbox_messages");
    var claimsBefore = claims.Count;
    var wallAnchor = DateTimeOffset.UtcNow;
    var tickAnchor = Stopwatch.GetTimestamp();
    recorder.Begin(run);

    var started = Stopwatch.GetTimestamp();
    await write(run);
    var written = Stopwatch.GetTimestamp();
    await Task.WhenAny(run.AllReceived, Task.Delay(timeout, ct));
    ct.ThrowIfCancellationRequested();
    var finished = Stopwatch.GetTimestamp();
    await Task.Delay(200, ct); // let the last dispatcher transaction commit its dispatched_at

    var latencies = new List<double>(count);
    var latencyByIndex = Enumerable.Repeat(double.NaN, count).ToArray();
    var index = 0;
    var commitTimes = new List<double>(count);
    long firstCommit = long.MaxValue, lastReceive = long.MinValue;
    var receivedAt = new Dictionary<Guid, long>(count);
    var committedAt = new Dictionary<Guid, long>(count);
    foreach (var id in run.Ids)
    {
        if (!recorder.TryGet(id, out var sent, out var committed, out var received)) { index++; continue; }
        latencies.Add(latencyByIndex[index++] = Stopwatch.GetElapsedTime(committed, received).TotalMilliseconds);
        commitTimes.Add(Stopwatch.GetElapsedTime(sent, committed).TotalMilliseconds);
        firstCommit = Math.Min(firstCommit, committed);
        lastReceive = Math.Max(lastReceive, received);
        receivedAt[id] = received;
        committedAt[id] = committed;
    }

    // Dispatcher side, from the outbox itself: each dispatcher transaction stamps its batch with one now(),
    // so distinct dispatched_at values are the non-empty batches; claim queries are counted from Npgsql's tracing.
    var batches = new Dictionary<DateTimeOffset, int>();
    var publishedInBatch = new Dictionary<DateTimeOffset, List<long>>();
    var pickups = new List<double>(count);
    await using (var connection = new NpgsqlConnection(database.OwnerConnectionString))
    {
        await connection.OpenAsync(ct);
        await using var query = new NpgsqlCommand(
            "SELECT (body->>'id')::uuid, dispatched_at FROM outbox_messages WHERE sequence > @lo AND dispatched_at IS NOT NULL", connection);
        query.Parameters.AddWithValue("lo", sequenceBefore);
        await using var reader = await query.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetGuid(0);
            var dispatchedAt = reader.GetFieldValue<DateTimeOffset>(1);
            batches[dispatchedAt] = batches.GetValueOrDefault(dispatchedAt) + 1;
            if (recorder.TryGetPublished(id, out var publishedTicks))
            {
                if (!publishedInBatch.TryGetValue(dispatchedAt, out var list)) publishedInBatch[dispatchedAt] = list = [];
                list.Add(publishedTicks);
            }
            if (committedAt.TryGetValue(id, out var committed))
            {
                // Claim transaction start (server wall clock) minus commit (client monotonic clock mapped to wall time): same host, same clock.
                var commitWall = wallAnchor + Stopwatch.GetElapsedTime(tickAnchor, committed);
                pickups.Add((dispatchedAt - commitWall).TotalMilliseconds);
            }
        }
    }

    // commit -> publish confirmed, publish confirmed -> consumer, and the spacing of publishes inside one batch
    // (the dispatcher awaits each publish before the next, so that spacing is its per-message cost).
    var toPublished = new List<double>(count);
    var toConsumer = new List<double>(count);
    foreach (var (id, committed) in committedAt)
    {
        if (!recorder.TryGetPublished(id, out var published)) continue;
        toPublished.Add(Stopwatch.GetElapsedTime(committed, published).TotalMilliseconds);
        toConsumer.Add(Stopwatch.GetElapsedTime(published, receivedAt[id]).TotalMilliseconds); // signed
    }
    var gaps = new List<double>();
    foreach (var list in publishedInBatch.Values)
    {
        list.Sort();
        for (var k = 1; k < list.Count; k++) gaps.Add(Stopwatch.GetElapsedTime(list[k - 1], list[k]).TotalMilliseconds);
    }

    return new ScenarioResult(name, count, latencies.Count, Stats.Of(latencies), Stats.Of(commitTimes), Stats.Of(pickups),
        Stats.Of(toPublished), Stats.Of(toConsumer), Stats.Of(gaps), latencyByIndex,
        Throughput: latencies.Count == 0 ? 0 : latencies.Count / Stopwatch.GetElapsedTime(firstCommit, lastReceive).TotalSeconds,
        WriteRate: count / Stopwatch.GetElapsedTime(started, written).TotalSeconds,
        WallSeconds: Stopwatch.GetElapsedTime(started, finished).TotalSeconds,
        Batches: batches.Count, MaxBatch: batches.Count == 0 ? 0 : batches.Values.Max(),
        Claims: claims.Count - claimsBefore);
}

static void Report(List<ScenarioResult> results, List<string> notes)
{
    Console.WriteLine();
    Print([.. results.OrderBy(r => r.Name, StringComparer.Ordinal)]);
    Console.WriteLine();
    foreach (var note in notes) Console.WriteLine(note);
}

static void Print(List<ScenarioResult> results)
{
    Console.WriteLine("Latency COMMIT -> consumer (ms), throughput = events / (first commit -> last consume)");
    Console.WriteLine();
    Console.WriteLine("| scenario | events | p50 | p95 | p99 | max | events/s |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
    foreach (var r in results)
    {
        var events = r.Received == r.Events ? $"{r.Events}" : $"{r.Received}/{r.Events}";
        Console.WriteLine($"| {r.Name} | {events} | {F(r.Latency.P50, "0.0")} | {F(r.Latency.P95, "0.0")} | {F(r.Latency.P99, "0.0")} | {F(r.Latency.Max, "0.0")} | {F(r.Throughput, "0")} |");
    }
    Console.WriteLine();
    Console.WriteLine("Where the time goes, p50 / p95 in ms. SaveChanges: the writer's own transaction. pickup: COMMIT -> start of the dispatcher's");
    Console.WriteLine("claim transaction (PostgreSQL now(), same host clock). published: COMMIT -> Publish returned (confirm included).");
    Console.WriteLine("delivered: Publish returned -> consumer (can be < 0: the consumer may run before the confirm reaches the publisher).");
    Console.WriteLine();
    Console.WriteLine("| scenario | write rate ev/s | SaveChanges | pickup | published | delivered |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    foreach (var r in results)
        Console.WriteLine($"| {r.Name} | {F(r.WriteRate, "0")} | {F(r.Commit.P50, "0.0")} / {F(r.Commit.P95, "0.0")} | {F(r.Pickup.P50, "0.0")} / {F(r.Pickup.P95, "0.0")} | " +
                          $"{F(r.Published.P50, "0.0")} / {F(r.Published.P95, "0.0")} | {F(r.Delivered.P50, "0.0")} / {F(r.Delivered.P95, "0.0")} |");
    Console.WriteLine();
    Console.WriteLine("Dispatcher activity. batches: non-empty claim transactions (distinct dispatched_at); claim queries: counted from Npgsql tracing;");
    Console.WriteLine("empty claims = claim queries - batches (wake-ups that found nothing); publish spacing: time between consecutive publishes in a batch.");
    Console.WriteLine();
    Console.WriteLine("| scenario | batches | avg batch | max batch | claim queries | empty claims | publish spacing p50 / p95 ms | max publish rate ev/s |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var r in results)
    {
        var claims = r.Claims < 0 ? "n/a" : $"{r.Claims}";
        var empty = r.Claims < 0 ? "n/a" : $"{Math.Max(0, r.Claims - r.Batches)}";
        var rate = double.IsNaN(r.PublishGap.P50) || r.PublishGap.P50 <= 0 ? "n/a" : $"{1000 / r.PublishGap.P50:0}";
        Console.WriteLine($"| {r.Name} | {r.Batches} | {(r.Batches == 0 ? 0 : (double)r.Received / r.Batches):0.0} | {r.MaxBatch} | {claims} | {empty} | " +
                          $"{F(r.PublishGap.P50, "0.00")} / {F(r.PublishGap.P95, "0.00")} | {rate} |");
    }
}

static string F(double value, string format) => double.IsNaN(value) || double.IsInfinity(value) ? "–" : value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);

static async Task ExecuteAsOwnerAsync(TestDatabase database, string sql)
{
    await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

static async Task<T> ScalarAsync<T>(TestDatabase database, string sql)
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
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await client.ConnectAsync(host, port, timeout.Token);
        return true;
    }
    catch (Exception) { return false; }
}

