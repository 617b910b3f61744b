using System.Diagnostics;
using RedesPlataforma.Seed;

// Demo data through the public API (gateway, or the Tenants service straight when no gateway answers).
//   dotnet RedesPlataforma.Seed.dll --gateway http://127.0.0.1:5100 --tenants http://127.0.0.1:5101 --secrets-dir .local/secrets
// Passwords: REDES_NATIONAL_PASSWORD (required, or <secrets-dir>/national-unit.txt); tenant admins and staff get
// theirs from REDES_<SLUG>_ADMIN_PASSWORD / REDES_DEMO_STAFF_PASSWORD or generated files in the secrets dir.

static void Log(string message) => Console.WriteLine($"[seed] {message}");

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine("usage: seed [--gateway URL] [--tenants URL] [--secrets-dir DIR] [--accounts-out FILE]");
    return 0;
}

var gatewayUrl = Option("--gateway");
var tenantsUrl = Option("--tenants") ?? "http://127.0.0.1:5101";
var secretsDir = Option("--secrets-dir")
    ?? (Environment.GetEnvironmentVariable("REDES_LOCAL_STATE_DIR") is { Length: > 0 } state ? Path.Combine(state, "secrets") : null);
if (secretsDir is null)
{
    Console.Error.WriteLine("[seed] ERROR: pass --secrets-dir (or set REDES_LOCAL_STATE_DIR)");
    return 2;
}
var accountsOut = Option("--accounts-out") ?? Path.Combine(secretsDir, "demo-accounts.txt");
var nationalEmail = Environment.GetEnvironmentVariable("REDES_NATIONAL_EMAIL") is { Length: > 0 } email ? email : "unidad@redes.pe";

using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
var clock = Stopwatch.StartNew();
try
{
    var baseUrl = await PickBaseUrlAsync(gatewayUrl, tenantsUrl, cts.Token);
    using var http = new HttpClient { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };
    var anonymous = new ApiClient(http);

    var tenants = new TenantsSeed(anonymous, new Secrets(secretsDir), nationalEmail, Log);
    await tenants.RunAsync(DemoInstitutions.All, cts.Token);
    // Networks and Financing seeds go here, taking the SeededTenant list (tenant admins, specialists by email).

    WriteAccounts(tenants.Accounts, accountsOut);
    Log($"done in {clock.Elapsed.TotalSeconds:0.0}s; demo accounts written to {accountsOut}");
    return 0;
}
catch (ApiException e)
{
    Console.Error.WriteLine($"[seed] ERROR: {e.Message}");
    return 1;
}
catch (HttpRequestException e)
{
    Console.Error.WriteLine($"[seed] ERROR: cannot reach the API: {e.Message}");
    return 1;
}
catch (TaskCanceledException)
{
    Console.Error.WriteLine("[seed] ERROR: timed out waiting for the API");
    return 1;
}

static async Task<string> PickBaseUrlAsync(string? gatewayUrl, string tenantsUrl, CancellationToken ct)
{
    if (gatewayUrl is null) return tenantsUrl;
    using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
    try
    {
        using var response = await probe.GetAsync(gatewayUrl.TrimEnd('/') + "/health/ready", ct);
        if (response.IsSuccessStatusCode)
        {
            Log($"seeding through the gateway {gatewayUrl}");
            return gatewayUrl;
        }
        Log($"gateway {gatewayUrl} is not ready ({(int)response.StatusCode}); seeding the Tenants service {tenantsUrl} directly");
    }
    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
    {
        Log($"gateway {gatewayUrl} is not reachable; seeding the Tenants service {tenantsUrl} directly");
    }
    return tenantsUrl;
}

static void WriteAccounts(IReadOnlyList<DemoAccount> accounts, string path)
{
    var lines = accounts.Select(a => $"{a.Institution,-12} {a.Role,-13} {a.Email,-38} {a.Password}").ToList();
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    File.WriteAllLines(path, [$"{"institution",-12} {"role",-13} {"email",-38} password", .. lines]);
    if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
}
