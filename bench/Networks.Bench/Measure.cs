using System.Diagnostics;

namespace RedesPlataforma.Bench.Networks;

/// <summary>What one phase cost: wall time, bytes allocated, the process's peak resident memory during it, and GC work.</summary>
public sealed record PhaseResult(string Name, int Rows, TimeSpan Wall, long AllocatedBytes, long PeakWorkingSet, long WorkingSetBefore,
    int Gen0, int Gen1, int Gen2, TimeSpan GcPause)
{
    public double RowsPerSecond => Rows / Wall.TotalSeconds;
}

public static class Measure
{
    /// <summary>
    /// Runs <paramref name="work"/> after a full collection. On Linux the kernel's resident-memory high-water mark is reset
    /// first (writing 5 to /proc/self/clear_refs), so PeakWorkingSet64 afterwards is this phase's peak, not the process's.
    /// </summary>
    public static async Task<(T Value, PhaseResult Result)> PhaseAsync<T>(string name, int rows, Func<Task<T>> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true); // and give memory back, so RSS starts low
        ResetPeak();
        var before = Snapshot();
        var clock = Stopwatch.StartNew();
        var value = await work();
        clock.Stop();
        var after = Snapshot();
        return (value, new PhaseResult(name, rows, clock.Elapsed, after.Allocated - before.Allocated, after.Peak, before.WorkingSet,
            after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2, after.Pause - before.Pause));
    }

    public static bool PeakIsPerPhase { get; private set; }

    private static void ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            PeakIsPerPhase = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            PeakIsPerPhase = false;
        }
    }

    private static (long Allocated, long Peak, long WorkingSet, int Gen0, int Gen1, int Gen2, TimeSpan Pause) Snapshot()
    {
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalAllocatedBytes(precise: true), process.PeakWorkingSet64, process.WorkingSet64,
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
    }
}
