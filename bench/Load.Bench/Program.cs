using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using RedesPlataforma.Bench;
using RedesPlataforma.Bench.Load;
using RedesPlataforma.Seed;

// Mixed load through the gateway of a running stack (bench/Load.Bench/run.sh starts one):
//  1. set-up through the public API: tenants onboarded and approved, their staff, producers, networks, a programme;
//  2. rate steps (open model): the mix at each fixed arrival rate, after a warm-up; latency, errors, CPU and memory;
//  3. noisy neighbour: the other tenants at a steady rate, without and then with one tenant far above its limit.

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var settings = BenchSettings.Parse(args);
if (settings is null) return 64;
static string Required(string variable) => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
    ? value : throw new InvalidOperationException($"{variable} is not set (run.sh sets it).");
var ct = CancellationToken.None;
ThreadPool.SetMinThreads(32, 32); // bursts of answers should not wait for the pool to grow

Console.WriteLine($"# Mixed load through the gateway  {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}Z, gateway {settings.Gateway}");
Console.WriteLine($"machine: {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
                  $"load avg {Machine.LoadAverage()}");

using var setupHttp = new HttpClient { BaseAddress = settings.Gateway, Timeout = TimeSpan.FromSeconds(60) };
using var loadHttp = new HttpClient(new SocketsHttpHandler
{
    MaxConnectionsPerServer = int.MaxValue, // an open model: as many connections as requests in flight
    PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
    AutomaticDecompression = DecompressionMethods.All, // as a browser asks, so the gateway compresses as it would for the portal
    UseCookies = false,
    ConnectTimeout = TimeSpan.FromSeconds(5),
}) { BaseAddress = settings.Gateway, Timeout = Timeout.InfiniteTimeSpan };

var clock = Stopwatch.StartNew();
var anonymous = new ApiClient(setupHttp);
var setup = new LoadSetup(anonymous, loadHttp, Required("REDES_DEMO_STAFF_PASSWORD"),
    Environment.GetEnvironmentVariable("REDES_NATIONAL_EMAIL") is { Length: > 0 } email ? email : "unidad@redes.pe", Required("REDES_NATIONAL_PASSWORD"),
    message => Console.WriteLine($"  [set-up] {message}"));
var tenants = await setup.RunAsync(settings.Tenants, ct);
var national = setup.National();
var mix = new Mix(tenants, national);
Console.WriteLine($"set-up done in {clock.Elapsed.TotalSeconds:0} s: {tenants.Count} tenants, each a supervisor and a specialist, " +
                  $"{tenants[0].Networks.Count} networks and 90 producers");

// The limit the gateway applies (left on): its own settings file, as the stack runs it.
using var gatewaySettings = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync("gateway/appsettings.json", ct));
var limits = gatewaySettings.RootElement.GetProperty("RateLimits");
var perTenant = limits.GetProperty("PerTenantPerSecond").GetInt32();
var nationalShare = Mix.Weights.Single(w => w.Name == "national dashboard").Weight / 100.0;
var top = settings.Rates.Count == 0 ? settings.SteadyRate : settings.Rates.Max();
var perTenantAtTop = top * (1 - nationalShare) / tenants.Count;
Console.WriteLine($"gateway rate limit: {perTenant} req/s per tenant and per national-unit user (burst {limits.GetProperty("Burst").GetInt32()}); " +
                  $"at {top:N0} req/s each of the {tenants.Count} tenants sends {perTenantAtTop:0.0} req/s and the national unit {top * nationalShare:0.0} req/s" +
                  (perTenantAtTop > 0.8 * perTenant || top * nationalShare > 0.8 * perTenant ? " (WARNING: near the limit; use more --tenants)" : ""));
Console.WriteLine($"mix (per 100 requests): {string.Join(", ", Mix.Weights.Select(w => $"{w.Name} {w.Weight}"))}");

async Task RenewTokensAsync() => await Parallel.ForEachAsync(tenants.SelectMany(t => new[] { t.Supervisor, t.Specialist }).Append(national),
    new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (user, token) => await user.RenewIfOldAsync(token));
await RenewTokensAsync();

var watched = ResourceMonitor.StackProcesses(settings.RunDirectory, Environment.GetEnvironmentVariable("REDES_DB_SUFFIX"),
    Environment.GetEnvironmentVariable("REDES_RABBIT_NODE"));
Console.WriteLine($"watching: {string.Join(", ", watched.Select(w => $"{w.Name} ({string.Join(' ', w.Pids())})"))}");

using var benchLock = await BenchLock.AcquireAsync(settings.LockFile, ct);
var loop = new OpenLoop(loadHttp);
var random = new Random(12);
var steps = new List<StepResult>();

if (settings.Includes("steps") && settings.Rates.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine($"## Rate steps: {settings.StepSeconds} s each after a {settings.WarmupSeconds} s warm-up at {settings.Rates[0]:N0} req/s, " +
                      $"{settings.PauseSeconds} s apart; goal: 0 errors and p99 <= {StepResult.P99GoalMs:0} ms");
    // What the stack spends with no request at all (outbox polls, refreshers, consumers), the baseline of every step.
    var quiet = ResourceMonitor.Start(watched);
    await Task.Delay(TimeSpan.FromSeconds(settings.PauseSeconds * 2), ct);
    var idle = await quiet.StopAsync();
    await loop.RunAsync("warm-up", settings.Rates[0], TimeSpan.FromSeconds(settings.WarmupSeconds), n => mix.Next(n, random), ct);
    foreach (var rate in settings.Rates)
    {
        await RenewTokensAsync();
        await Task.Delay(TimeSpan.FromSeconds(settings.PauseSeconds), ct);
        var monitor = ResourceMonitor.Start(watched);
        var result = await loop.RunAsync("mix", rate, TimeSpan.FromSeconds(settings.StepSeconds), n => mix.Next(n, random), ct);
        var step = new StepResult(rate, result, await monitor.StopAsync(), Machine.LoadAverage());
        steps.Add(step);
        Console.WriteLine();
        Report.StepHeader();
        Report.StepRow(step);
        Report.Operations(result.Samples);
        if (!step.Sustained && !settings.KeepGoing) break;
    }

    Console.WriteLine();
    Console.WriteLine("### All steps");
    Report.StepHeader();
    steps.ForEach(Report.StepRow);
    Console.WriteLine();
    Report.Resources([("idle", idle), .. steps.Select(s => ($"at {s.Target:N0}/s", s.Resources))]);
    var sustained = steps.TakeWhile(s => s.Sustained).LastOrDefault();
    Console.WriteLine();
    Console.WriteLine(sustained is null
        ? $"highest rate sustained (0 errors, p99 <= {StepResult.P99GoalMs:0} ms): none of the steps"
        : $"highest rate sustained (0 errors, p99 <= {StepResult.P99GoalMs:0} ms): {sustained.Target:N0} req/s " +
          $"({sustained.Loop.Throughput:N0} answered/s, p99 {sustained.Latency.P99:0.0} ms); goal >= 1,000 req/s {(sustained.Target >= 1000 ? "met" : "NOT met")}");
}

if (settings.Includes("noisy"))
{
    await RenewTokensAsync();
    await NoisyNeighbour.RunAsync(loop, mix, settings, random, ct);
}

Console.WriteLine();
Console.WriteLine($"total {clock.Elapsed.TotalSeconds:0} s, load avg {Machine.LoadAverage()}");
return 0;
