namespace RedesPlataforma.Bench.Load;

/// <summary>
/// The other tenants at a steady rate, first alone and then while one tenant sends reads far above its limit: the
/// gateway's per-tenant limit should turn the noisy tenant away (429 with Retry-After) before it costs the others.
/// </summary>
public static class NoisyNeighbour
{
    public static async Task RunAsync(OpenLoop loop, Mix mix, BenchSettings settings, Random random, CancellationToken ct)
    {
        var noisy = mix.Tenants[0];
        var quiet = new Mix([.. mix.Tenants.Skip(1)], mix.National);
        var duration = TimeSpan.FromSeconds(settings.NoisySeconds);
        Console.WriteLine();
        Console.WriteLine($"## Noisy neighbour: {quiet.Tenants.Count} tenants at {settings.SteadyRate:N0} req/s (the mix) for {settings.NoisySeconds} s, " +
                          $"alone, then while {noisy.Slug} sends {settings.NoisyRate:N0} req/s of dashboard and producer-list reads");

        // Steps past the ceiling leave requests queued in the services after the client gave up on them: let them drain.
        await Task.Delay(TimeSpan.FromSeconds(settings.PauseSeconds * 6), ct);
        var alone = await loop.RunAsync("quiet", settings.SteadyRate, duration, n => quiet.Next(n, random), ct);
        await Task.Delay(TimeSpan.FromSeconds(settings.PauseSeconds), ct);
        var withQuiet = loop.RunAsync("quiet", settings.SteadyRate, duration, n => quiet.Next(n, random), ct);
        var withNoisy = loop.RunAsync("noisy", settings.NoisyRate, duration, n => Mix.Read(noisy, n), ct);
        await Task.WhenAll(withQuiet, withNoisy);

        Console.WriteLine();
        Console.WriteLine("| phase | other tenants: requests | answered/s | p50 ms | p95 ms | p99 ms | errors by status | noisy: sent | 2xx | 429 | 429 with Retry-After | load avg |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---|");
        Row("others alone", alone, null);
        Row($"with {noisy.Slug} at {settings.NoisyRate:N0} req/s", withQuiet.Result, withNoisy.Result);
    }

    private static void Row(string phase, LoopResult quiet, LoopResult? noisy)
    {
        var p = Percentiles.Of([.. quiet.Samples.Select(s => s.Milliseconds)]);
        var noise = noisy is null ? "| – | – | – | –"
            : $"| {noisy.Samples.Count:N0} | {noisy.Samples.Count(s => Report.IsSuccess(s.Status)):N0} | {noisy.Samples.Count(s => s.Status == 429):N0} | " +
              $"{noisy.Samples.Count(s => s.Status == 429 && s.RetryAfter):N0}";
        Console.WriteLine($"| {phase} | {quiet.Samples.Count:N0} | {quiet.Throughput:N0} | {p.P50:0.0} | {p.P95:0.0} | {p.P99:0.0} | " +
                          $"{Report.ErrorsByStatus(quiet.Samples)} {noise} | {Machine.LoadAverage()} |");
    }
}
