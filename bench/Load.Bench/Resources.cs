using System.Globalization;

namespace RedesPlataforma.Bench.Load;

/// <summary>A process (or a group of them) whose CPU and memory a step reports.</summary>
public sealed record Watched(string Name, Func<IReadOnlyList<int>> Pids);

/// <summary>
/// Per watched name: CPU in % of one core over the window, resident memory at its peak in the window (MB), and the
/// kernel's high-water mark (one process only; NaN for a group).
/// </summary>
public sealed record Usage(string Name, double CpuPercent, double PeakRssMb, double HighWaterMb);

/// <summary>The window's figures: each watched process, and the whole machine's busy share (all cores).</summary>
public sealed record ResourceReport(IReadOnlyList<Usage> Processes, double MachineBusyPercent);

/// <summary>
/// CPU from /proc/PID/stat (utime + stime) at the start and end of a window, resident memory sampled every half second
/// in between (RssAnon + RssFile: VmRSS without shared memory, which every PostgreSQL backend maps and would count
/// again), VmHWM at the end; the machine's busy share from /proc/stat. Linux only.
/// Clock ticks are USER_HZ, 100 on every Linux architecture .NET runs on.
/// </summary>
public sealed class ResourceMonitor
{
    private const double TicksPerSecond = 100;
    private readonly IReadOnlyList<Watched> _watched;
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, double> _peakRss = [];
    private readonly Dictionary<(string, int), long> _startTicks = [];
    private readonly (long Busy, long Total) _startMachine;
    private readonly DateTime _startedAt = DateTime.UtcNow;
    private readonly Task _sampling;

    private ResourceMonitor(IReadOnlyList<Watched> watched)
    {
        _watched = watched;
        foreach (var w in watched)
            foreach (var pid in w.Pids())
                if (Ticks(pid) is { } ticks) _startTicks[(w.Name, pid)] = ticks;
        _startMachine = Machine();
        _sampling = SampleAsync();
    }

    public static ResourceMonitor Start(IReadOnlyList<Watched> watched) => new(watched);

    public async Task<ResourceReport> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        var seconds = (DateTime.UtcNow - _startedAt).TotalSeconds;
        var usage = new List<Usage>();
        foreach (var w in _watched)
        {
            var pids = w.Pids();
            // A process born in the window counts from zero; one that ended in it is lost (PostgreSQL backends rarely do: pooled).
            var ticks = pids.Sum(pid => Ticks(pid) is { } now ? now - _startTicks.GetValueOrDefault((w.Name, pid)) : 0);
            usage.Add(new Usage(w.Name, ticks / TicksPerSecond / seconds * 100, Math.Max(_peakRss.GetValueOrDefault(w.Name), Resident(pids)),
                pids.Count == 1 ? Memory(pids, "VmHWM:") : double.NaN));
        }
        var end = Machine();
        var total = end.Total - _startMachine.Total;
        return new ResourceReport(usage, total == 0 ? double.NaN : 100.0 * (end.Busy - _startMachine.Busy) / total);
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            foreach (var w in _watched)
                _peakRss[w.Name] = Math.Max(_peakRss.GetValueOrDefault(w.Name), Resident(w.Pids()));
            try { await Task.Delay(TimeSpan.FromMilliseconds(500), _stop.Token); }
            catch (OperationCanceledException) { }
        }
    }

    /// <summary>utime + stime, fields 14 and 15 of /proc/PID/stat (counted after the command name, which may hold spaces).</summary>
    private static long? Ticks(int pid)
    {
        if (Read($"/proc/{pid}/stat") is not { } stat) return null;
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    private static double Resident(IReadOnlyList<int> pids) => Memory(pids, "RssAnon:") + Memory(pids, "RssFile:");

    /// <summary>The sum of one /proc/PID/status memory line (kB) over the processes, in MB.</summary>
    private static double Memory(IEnumerable<int> pids, string field) => pids.Sum(pid =>
        Read($"/proc/{pid}/status")?.Split('\n').FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal)) is { } line
            ? long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0
            : 0);

    /// <summary>The first line of /proc/stat: busy = everything but idle and iowait.</summary>
    private static (long Busy, long Total) Machine()
    {
        if (Read("/proc/stat")?.Split('\n')[0] is not { } cpu) return (0, 0);
        var values = cpu.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var total = values.Sum();
        return (total - values[3] - values[4], total);
    }

    private static string? Read(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>
    /// The stack's processes: one per pid file in its run directory (gateway and services), this bench, the PostgreSQL
    /// backends serving the stack's databases (their process titles name the database) and the RabbitMQ node (shared
    /// with whatever else uses it).
    /// </summary>
    public static IReadOnlyList<Watched> StackProcesses(string? runDirectory, string? databaseSuffix, string? rabbitNode)
    {
        var watched = new List<Watched>();
        if (runDirectory is not null && Directory.Exists(runDirectory))
            foreach (var file in Directory.GetFiles(runDirectory, "*.pid").Order(StringComparer.Ordinal))
                if (int.TryParse(File.ReadAllText(file).Trim(), out var pid))
                    watched.Add(new Watched(Path.GetFileNameWithoutExtension(file), () => [pid]));
        watched.Add(new Watched("load bench (client)", () => [Environment.ProcessId]));
        if (!string.IsNullOrEmpty(databaseSuffix))
            watched.Add(new Watched("postgres (stack's backends)", () => ByCommandLine(c => c.StartsWith("postgres: ", StringComparison.Ordinal)
                && c.Split(' ').Any(word => word.StartsWith("redes_", StringComparison.Ordinal) && word.EndsWith(databaseSuffix, StringComparison.Ordinal)))));
        if (!string.IsNullOrEmpty(rabbitNode))
            watched.Add(new Watched("rabbitmq (shared node)", () => ByCommandLine(c => c.Contains("beam.smp", StringComparison.Ordinal),
                environment => environment.Contains($"RABBITMQ_NODENAME={rabbitNode}\0", StringComparison.Ordinal))));
        return watched;
    }

    /// <summary>Processes whose command line (NULs as spaces) matches, and whose environment does when asked (a node's name is only there).</summary>
    private static int[] ByCommandLine(Func<string, bool> matches, Func<string, bool>? environment = null) =>
    [
        .. Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && Read($"/proc/{pid}/cmdline") is { } cmd && matches(cmd.Replace('\0', ' '))
                          && (environment is null || Read($"/proc/{pid}/environ") is { } env && environment(env)))
    ];
}
