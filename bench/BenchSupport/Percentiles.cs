namespace RedesPlataforma.Bench;

/// <summary>Nearest-rank percentiles of a set of samples (milliseconds in every bench); NaN when there are none.</summary>
public sealed record Percentiles(double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0) return new Percentiles(double.NaN, double.NaN, double.NaN, double.NaN);
        var sorted = samples.Order().ToArray();
        double At(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Percentiles(At(0.50), At(0.95), At(0.99), sorted[^1]);
    }
}

/// <summary>What every bench prints about the machine it ran on.</summary>
public static class Machine
{
    /// <summary>1, 5 and 15 minute load averages (Linux), since the benches share a small machine.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
