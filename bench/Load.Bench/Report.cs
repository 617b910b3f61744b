using System.Globalization;

namespace RedesPlataforma.Bench.Load;

/// <summary>One rate step: what was asked, what came back, what the processes used, and the machine's load meanwhile.</summary>
public sealed record StepResult(int Target, LoopResult Loop, ResourceReport Resources, string LoadAverage)
{
    public const double P99GoalMs = 100;

    public Percentiles Latency { get; } = Percentiles.Of([.. Loop.Samples.Select(s => s.Milliseconds)]);

    public int Errors => Loop.Samples.Count(s => !Report.IsSuccess(s.Status));

    /// <summary>0 errors, p99 within the goal, and (nearly) the rate asked for actually answered.</summary>
    public bool Sustained => Errors == 0 && Latency.P99 <= P99GoalMs && Loop.Throughput >= 0.95 * Target;
}

public static class Report
{
    public static bool IsSuccess(int status) => status is >= 200 and < 300;

    public static string Status(int status) => status switch { 0 => "timeout", -1 => "connection", _ => status.ToString(CultureInfo.InvariantCulture) };

    public static string ErrorsByStatus(IEnumerable<Sample> samples) =>
        string.Join(", ", samples.Where(s => !IsSuccess(s.Status)).GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => $"{Status(g.Key)}×{g.Count()}")) is { Length: > 0 } e
            ? e : "0";

    public static void StepHeader()
    {
        Console.WriteLine("| target req/s | achieved req/s | requests | p50 ms | p95 ms | p99 ms | max ms | errors by status | machine busy | load avg | goal |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---|---:|---|---|");
    }

    public static void StepRow(StepResult s) =>
        Console.WriteLine($"| {s.Target:N0} | {s.Loop.Throughput:N0} | {s.Loop.Samples.Count:N0} | {s.Latency.P50:0.0} | {s.Latency.P95:0.0} | {s.Latency.P99:0.0} | " +
                          $"{s.Latency.Max:0} | {ErrorsByStatus(s.Loop.Samples)} | {s.Resources.MachineBusyPercent:0}% | {s.LoadAverage} | {(s.Sustained ? "met" : "NOT met")} |");

    public static void Operations(IReadOnlyList<Sample> samples)
    {
        Console.WriteLine("| operation | requests | p50 ms | p99 ms | errors by status |");
        Console.WriteLine("|---|---:|---:|---:|---|");
        foreach (var group in samples.GroupBy(s => s.Operation).OrderByDescending(g => g.Count()))
        {
            var p = Percentiles.Of([.. group.Select(s => s.Milliseconds)]);
            Console.WriteLine($"| {group.Key} | {group.Count():N0} | {p.P50:0.0} | {p.P99:0.0} | {ErrorsByStatus(group)} |");
        }
    }

    /// <summary>Processes as rows, each window's CPU as a column (idle, then the steps), then the highest resident memory seen and the high-water mark.</summary>
    public static void Resources(IReadOnlyList<(string Label, ResourceReport Usage)> windows)
    {
        if (windows.Count == 0) return;
        Console.WriteLine($"| process | {string.Join(" | ", windows.Select(w => $"CPU % {w.Label}"))} | peak RSS MB (no shared) | VmHWM MB |");
        Console.WriteLine($"|---|{string.Concat(windows.Select(_ => "---:|"))}---:|---:|");
        foreach (var name in windows[0].Usage.Processes.Select(p => p.Name))
        {
            var usage = windows.Select(w => w.Usage.Processes.Single(p => p.Name == name)).ToList();
            var highWater = usage.All(u => double.IsNaN(u.HighWaterMb)) ? "–" : usage.Max(u => u.HighWaterMb).ToString("0", CultureInfo.InvariantCulture);
            Console.WriteLine($"| {name} | {string.Join(" | ", usage.Select(u => u.CpuPercent.ToString("0", CultureInfo.InvariantCulture)))} | " +
                              $"{usage.Max(u => u.PeakRssMb):0} | {highWater} |");
        }
        Console.WriteLine($"| machine busy (% of all {Environment.ProcessorCount} cores) | " +
                          $"{string.Join(" | ", windows.Select(w => w.Usage.MachineBusyPercent.ToString("0", CultureInfo.InvariantCulture)))} | | |");
    }
}
