global using Stats = RedesPlataforma.Bench.Percentiles;
using System.Diagnostics;

namespace RedesPlataforma.Bench.Outbox;

public sealed record ScenarioResult(
    string Name, int Events, int Received, Stats Latency, Stats Commit, Stats Pickup, Stats Published, Stats Delivered, Stats PublishGap, double[] LatencyByIndex,
    double Throughput, double WriteRate, double WallSeconds, int Batches, int MaxBatch, long Claims);

/// <summary>
/// Counts the dispatcher's claim queries through Npgsql's ActivitySource, without touching the dispatcher:
/// claims minus non-empty batches = wake-ups that found nothing to do.
/// </summary>
public sealed class ClaimCounter : IDisposable
{
    private readonly ActivityListener _listener;
    private long _count;
    private bool _seenText;

    public ClaimCounter()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                var text = activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string;
                if (text is null) return;
                _seenText = true;
                if (text.Contains("FROM outbox_messages o", StringComparison.Ordinal) && text.Contains("SKIP LOCKED", StringComparison.Ordinal))
                    Interlocked.Increment(ref _count);
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>-1 when Npgsql's tracing carries no query text (then claims cannot be told apart).</summary>
    public long Count => _seenText ? Interlocked.Read(ref _count) : -1;

    public void Dispose() => _listener.Dispose();
}

public sealed record BenchSettings(int Warmup, int Sequential, int Burst, int Writers, int AggregateTransactions, int Ceiling, TimeSpan Gap, TimeSpan PollInterval, TimeSpan Budget, string[] Scenarios)
{
    public bool Runs(string scenario) => Scenarios.Contains(scenario, StringComparer.OrdinalIgnoreCase);

    public static BenchSettings? Parse(string[] args)
    {
        var s = new BenchSettings(50, 500, 5000, 4, 5, 1000, TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(160),
            ["sequential", "burst", "aggregate", "ceiling", "poll"]);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            try
            {
                s = args[i] switch
                {
                    "--warmup" => s with { Warmup = int.Parse(Next()) },
                    "--sequential" => s with { Sequential = int.Parse(Next()) },
                    "--burst" => s with { Burst = int.Parse(Next()) },
                    "--writers" => s with { Writers = int.Parse(Next()) },
                    "--aggregate-txns" => s with { AggregateTransactions = int.Parse(Next()) },
                    "--ceiling" => s with { Ceiling = int.Parse(Next()) },
                    "--gap-ms" => s with { Gap = TimeSpan.FromMilliseconds(double.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture)) },
                    "--poll-interval" => s with { PollInterval = TimeSpan.FromSeconds(double.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture)) },
                    "--budget" => s with { Budget = TimeSpan.FromSeconds(double.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture)) },
                    "--only" => s with { Scenarios = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                    _ => throw new ArgumentException($"unknown option {args[i]}"),
                };
            }
            catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
            {
                Console.Error.WriteLine(e.Message);
                Console.Error.WriteLine("""
                    usage: Outbox.Bench [--warmup 50] [--sequential 500] [--burst 5000] [--writers 4] [--gap-ms 5]
                                        [--aggregate-txns 5] [--ceiling 1000] [--poll-interval 1] [--budget 160]
                                        [--only sequential,burst,aggregate,ceiling,poll]
                    """);
                return null;
            }
        }
        return s;
    }
}
