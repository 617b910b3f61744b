using System.Globalization;

namespace RedesPlataforma.Bench.Load;

/// <summary>
/// Command-line options: --gateway URL --run-dir DIR (the stack's pid files) --tenants 40 --rates 250,500,... --step 25
/// --warmup 15 --pause 5 --keep-going --noisy-rate 500 --steady-rate 300 --noisy-seconds 20 --only steps,noisy
/// --lock FILE (held while measuring, so measurements on a shared machine do not overlap).
/// </summary>
public sealed record BenchSettings(
    Uri Gateway, string? RunDirectory, int Tenants, IReadOnlyList<int> Rates, int StepSeconds, int WarmupSeconds, int PauseSeconds,
    bool KeepGoing, int NoisyRate, int SteadyRate, int NoisySeconds, HashSet<string> Only, string? LockFile)
{
    public static readonly string[] Parts = ["steps", "noisy"];

    public bool Includes(string part) => Only.Count == 0 || Only.Contains(part);

    public static BenchSettings? Parse(string[] args)
    {
        var settings = new BenchSettings(new Uri("http://127.0.0.1:6000/"), null, 40, [100, 250, 500, 750, 1000, 1250, 1500],
            25, 15, 5, false, 500, 300, 20, [], null);
        int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--gateway": settings = settings with { Gateway = new Uri(Next().TrimEnd('/') + "/") }; break;
                case "--run-dir": settings = settings with { RunDirectory = Next() }; break;
                case "--tenants": settings = settings with { Tenants = Int(Next()) }; break;
                case "--rates": settings = settings with { Rates = [.. Next().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Int)] }; break;
                case "--step": settings = settings with { StepSeconds = Int(Next()) }; break;
                case "--warmup": settings = settings with { WarmupSeconds = Int(Next()) }; break;
                case "--pause": settings = settings with { PauseSeconds = Int(Next()) }; break;
                case "--keep-going": settings = settings with { KeepGoing = true }; break;
                case "--noisy-rate": settings = settings with { NoisyRate = Int(Next()) }; break;
                case "--steady-rate": settings = settings with { SteadyRate = Int(Next()) }; break;
                case "--noisy-seconds": settings = settings with { NoisySeconds = Int(Next()) }; break;
                case "--only": settings = settings with { Only = [.. Next().Split(',', StringSplitOptions.RemoveEmptyEntries)] }; break;
                case "--lock": settings = settings with { LockFile = Next() }; break;
                default:
                    Console.Error.WriteLine($"Unknown option {args[i]}. Options: --gateway URL --run-dir DIR --tenants N --rates N,N,... --step S --warmup S " +
                                            $"--pause S --keep-going --noisy-rate N --steady-rate N --noisy-seconds S --only {string.Join(',', Parts)} --lock FILE");
                    return null;
            }
        }
        return settings;
    }
}
