using System.Security.Cryptography;

namespace RedesPlataforma.Seed;

/// <summary>
/// Demo passwords: from an environment variable, else from &lt;dir&gt;/&lt;name&gt;.txt, else generated once and
/// stored there (mode 600) so later runs sign in with the same one. Nothing is ever hard-coded in the repo.
/// up.sh uses the same files and format (one line, the password).
/// </summary>
public sealed class Secrets(string directory)
{
    public string Directory => directory;

    public string Get(string name, string environmentVariable)
    {
        if (Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } fromEnv) return fromEnv;
        var path = PathOf(name);
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } stored) return stored;

        var generated = Generate();
        System.IO.Directory.CreateDirectory(directory);
        File.WriteAllText(path, generated + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return generated;
    }

    /// <summary>A secret someone else creates (the national-unit account is made by the Tenants service at start-up).</summary>
    public string Require(string name, string environmentVariable)
    {
        if (Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } fromEnv) return fromEnv;
        var path = PathOf(name);
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } stored) return stored;
        throw new ApiException($"no password for '{name}': set {environmentVariable} or write it to {path}");
    }

    private string PathOf(string name) => Path.Combine(directory, name + ".txt");

    // Identity's default rules: upper, lower, digit and a symbol; the random part carries the strength.
    private static string Generate() =>
        "Rd-" + RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 16) + "-9x";
}
