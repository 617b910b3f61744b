using RedesPlataforma.Testing;

namespace RedesPlataforma.EndToEnd.Tests;

/// <summary>
/// Measured figures (budgets, timings) that a test asserts and also reports: appended to .local/figures/*.txt, which
/// deploy/local/test.sh prints at the end of the run, since xunit keeps a passing test's output to itself.
/// </summary>
public static class Figures
{
    private static readonly object Gate = new();

    public static void Record(string file, string line)
    {
        var folder = Path.Combine(LocalInfrastructure.RepositoryRoot, ".local", "figures");
        Directory.CreateDirectory(folder);
        lock (Gate) File.AppendAllText(Path.Combine(folder, file), $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC  {line}{Environment.NewLine}");
    }
}
