using System.Globalization;

namespace RedesPlataforma.Bench.Reporting;

/// <summary>
/// Command-line options; the defaults are the nation. The cells side is measured after enough warm-up runs for
/// the JIT's tiered compilation to settle (a service serves the national dashboard many times; the first few runs
/// measure the compiler); the GROUP BY side spends its time in PostgreSQL, so it needs few warm-up runs, and fewer runs.
/// </summary>
public sealed record BenchSettings(int Tenants, int Producers, int Networks, int Months, int Runs, int Warmup, int RawRuns, int RawWarmup, bool Keep)
{
    public static BenchSettings? Parse(string[] args)
    {
        var s = new BenchSettings(Tenants: 500, Producers: 1_000_000, Networks: 50_000, Months: 36, Runs: 200, Warmup: 100, RawRuns: 30, RawWarmup: 3, Keep: false);
        for (var i = 0; i < args.Length; i++)
        {
            int Next() => int.Parse(args[++i], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--tenants": s = s with { Tenants = Next() }; break;
                case "--producers": s = s with { Producers = Next() }; break;
                case "--networks": s = s with { Networks = Next() }; break;
                case "--months": s = s with { Months = Next() }; break;
                case "--runs": s = s with { Runs = Next() }; break;
                case "--warmup": s = s with { Warmup = Next() }; break;
                case "--raw-runs": s = s with { RawRuns = Next() }; break;
                case "--raw-warmup": s = s with { RawWarmup = Next() }; break;
                case "--keep": s = s with { Keep = true }; break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}; options: --tenants N --producers N --networks N --months N --runs N --warmup N --raw-runs N --raw-warmup N --keep");
                    return null;
            }
        }
        return s;
    }
}
