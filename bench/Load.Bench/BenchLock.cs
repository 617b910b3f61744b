namespace RedesPlataforma.Bench.Load;

/// <summary>
/// The measurement lock of a shared machine (--lock FILE): an exclusive flock(2) on the file, the same lock
/// `flock FILE command` takes, held from the first measured request to the end. The set-up runs before it, unlocked.
/// .NET takes flock(LOCK_EX | LOCK_NB) for FileShare.None on Linux, so a held lock is retried every second.
/// </summary>
public static class BenchLock
{
    public static async Task<IDisposable?> AcquireAsync(string? path, CancellationToken ct)
    {
        if (path is null) return null;
        var started = DateTime.UtcNow;
        while (true)
        {
            try
            {
                var held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                Console.WriteLine($"measurement lock {path} taken after {(DateTime.UtcNow - started).TotalSeconds:0} s; load avg {Machine.LoadAverage()}");
                return held;
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }
}
