using System.Diagnostics;
using RedesPlataforma.Seed;

// Demo data through the public API (gateway, or the services straight when no gateway answers): institutions, their
// staff and, per DemoSnapshot, trained specialists, producers, business networks, phases and a year of monitoring;
// then, per DemoFinancing, the national programme Aliados II and the networks' joint business plans on it.
//   dotnet RedesPlataforma.Seed.dll --gateway http://127.0.0.1:5100 --tenants http://127.0.0.1:5101 --networks http://127.0.0.1:5102 \
//       --financing http://127.0.0.1:5103 --secrets-dir .local/secrets
// Passwords: REDES_NATIONAL_PASSWORD (required, or <secrets-dir>/national-unit.txt); tenant admins and staff get
// theirs from REDES_<SLUG>_ADMIN_PASSWORD / REDES_DEMO_STAFF_PASSWORD or generated files in the secrets dir.

static void Log(string message) => Console.WriteLine($"[seed] {message}");

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine("usage: seed [--gateway URL] [--tenants URL] [--networks URL] [--financing URL] [--secrets-dir DIR] [--accounts-out FILE]");
    return 0;
}

var gatewayUrl = Option("--gateway");
var tenantsUrl = Option("--tenants") ?? "http://127.0.0.1:5101";
var networksUrl = Option("--networks") ?? "http://127.0.0.1:5102";
var financingUrl = Option("--financing") ?? "http://127.0.0.1:5103";
var secretsDir = Option("--secrets-dir")
    ?? (Environment.GetEnvironmentVariable("REDES_LOCAL_STATE_DIR") is { Length: > 0 } state ? Path.Combine(state, "secrets") : null);
if (secretsDir is null)
{
    Console.Error.WriteLine("[seed] ERROR: pass --secrets-dir (or set REDES_LOCAL_STATE_DIR)");
    return 2;
}
var accountsOut = Option("--accounts-out") ?? Path.Combine(secretsDir, "demo-accounts.txt");
var nationalEmail = Environment.GetEnvironmentVariable("REDES_NATIONAL_EMAIL") is { Length: > 0 } email ? email : "unidad@redes.pe";

using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(8));
var clock = Stopwatch.StartNew();
try
{
    var baseUrl = await PickBaseUrlAsync(gatewayUrl, tenantsUrl, cts.Token);
    using var http = new HttpClient { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };
    var anonymous = new ApiClient(http);

    var secrets = new Secrets(secretsDir);
    var tenants = new TenantsSeed(anonymous, secrets, nationalEmail, Log);
    var seeded = await tenants.RunAsync(DemoInstitutions.All, cts.Token);
    Log($"tenants seeded at {clock.Elapsed.TotalSeconds:0.0}s");

    // Without the gateway the Networks and Financing services are called on their own addresses, with the same tokens.
    using var networksHttp = baseUrl == gatewayUrl ? null
        : new HttpClient { BaseAddress = new Uri(networksUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };
    using var financingHttp = baseUrl == gatewayUrl ? null
        : new HttpClient { BaseAddress = new Uri(financingUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };
    ApiClient Networks(ApiClient client) => networksHttp is null ? client : client.For(networksHttp);
    ApiClient Financing(ApiClient client) => financingHttp is null ? client : client.For(financingHttp);
    var staffPassword = secrets.Get("demo-staff", "REDES_DEMO_STAFF_PASSWORD");
    var summaries = new List<NetworksSummary>();
    var specialistsBySlug = new Dictionary<string, IReadOnlyList<SeededSpecialist>>();
    foreach (var snapshot in DemoSnapshot.All)
    {
        var tenant = seeded.Single(t => t.Institution.Slug == snapshot.Slug);
        var specialists = await new SpecialistsSeed(tenant, snapshot, staffPassword, Log).RunAsync(cts.Token);
        Log($"{snapshot.Slug}: specialists ready at {clock.Elapsed.TotalSeconds:0.0}s");
        var networksApi = Networks(tenant.Admin);
        if (!await ServiceAnswersAsync(networksApi, "api/networks?pageSize=1", cts.Token))
        {
            Log($"WARNING: the Networks service does not answer at {networksApi.BaseAddress}; {snapshot.Slug}'s producers and networks not seeded");
            continue;
        }
        summaries.Add(await new NetworksSeed(tenant, networksApi, snapshot, specialists, Log).RunAsync(cts.Token));
        specialistsBySlug[snapshot.Slug] = specialists;
        Log($"{snapshot.Slug}: networks ready at {clock.Elapsed.TotalSeconds:0.0}s");
    }

    var financingSummaries = new List<FinancingSummary>();
    var national = Financing(tenants.National!);
    var aliados = DemoFinancing.AliadosII;
    if (!await ServiceAnswersAsync(national, "api/programmes?pageSize=1", cts.Token))
        Log($"WARNING: the Financing service does not answer at {national.BaseAddress}; the programme and business plans not seeded");
    else
    {
        var financingSeed = new FinancingSeed(anonymous, national, Financing, staffPassword, Log);
        var programme = await financingSeed.EnsureProgrammeAsync(aliados, cts.Token);
        foreach (var portfolio in DemoFinancing.All.Where(p => specialistsBySlug.ContainsKey(p.Slug)))
        {
            var tenant = seeded.Single(t => t.Institution.Slug == portfolio.Slug);
            financingSummaries.Add(await financingSeed.RunAsync(tenant, Networks(tenant.Admin), portfolio, aliados, programme,
                specialistsBySlug[portfolio.Slug], cts.Token));
            Log($"{portfolio.Slug}: business plans ready at {clock.Elapsed.TotalSeconds:0.0}s");
        }
        var (nationalView, budgets) = await financingSeed.NationalViewAsync(programme.Id, cts.Token);
        Log($"{aliados.Name} (as the national unit sees it): S/ {FinancingSeed.Soles(nationalView.CommittedPen)} committed of " +
            $"S/ {FinancingSeed.Soles(nationalView.TotalBudgetPen)} programme funds, S/ {FinancingSeed.Soles(nationalView.DisbursedPen)} disbursed; by institution: " +
            string.Join(", ", budgets.Select(b => $"{seeded.FirstOrDefault(t => t.TenantId == b.TenantId)?.Institution.Slug ?? b.TenantId.ToString()} " +
                                                  $"S/ {FinancingSeed.Soles(b.CommittedPen)} committed, S/ {FinancingSeed.Soles(b.DisbursedPen)} disbursed")));
    }
    foreach (var s in summaries)
    {
        Log($"{s.Slug}: {s.TrainedSpecialists} trained specialists, {s.Producers} producers, {s.Networks} networks, {s.WomenLed} led by women, " +
            $"{s.MonitoringRecords} monitoring records");
        Log($"{s.Slug}:   by chain: {string.Join(", ", s.ByChain.Select(c => $"{c.Key} {c.Value}"))}");
        Log($"{s.Slug}:   by phase: {string.Join(", ", s.ByPhase.Select(p => $"{Array.IndexOf(NetworksSeed.PhaseNames, p.Key)} {p.Key} {p.Value}"))}");
    }
    foreach (var f in financingSummaries)
    {
        Log($"{f.Slug}: {f.Programme}: {f.ByStatus.Values.Sum()} plans: {string.Join(", ", f.ByStatus.Select(s => $"{s.Key} {s.Value}"))}");
        if (f.CountedPlans == 0) continue;
        var share = f.CountedContributionPen / f.CountedTotalPen;
        Log($"{f.Slug}: {f.Programme}: {f.CountedPlans} plans approved, in execution or closed: S/ {FinancingSeed.Soles(f.CountedTotalPen)} in all, of which " +
            $"S/ {FinancingSeed.Soles(f.CountedContributionPen)} ({share:P2}) from the networks (cash and in kind) and " +
            $"S/ {FinancingSeed.Soles(f.CountedTotalPen - f.CountedContributionPen)} ({1 - share:P2}) programme funds; S/ {FinancingSeed.Soles(f.DisbursedPen)} disbursed");
        if (DemoFinancing.All.Single(p => p.Slug == f.Slug) is { CountedTotalPen: { } total, CountedContributionPen: { } contribution }
            && (f.CountedTotalPen != total || f.CountedContributionPen != contribution))
            Log($"{f.Slug}: WARNING: the snapshot has S/ {FinancingSeed.Soles(total)} with S/ {FinancingSeed.Soles(contribution)} from the networks; " +
                "the plans were changed after they were seeded");
    }
    if (ApiClient.ThrottledRequests > 0) Log($"{ApiClient.ThrottledRequests} requests were turned away (429 rate limit, 503 busy) and retried");

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

// A missing service (not built, or not started) skips its part of the seed with a warning instead of failing the demo.
static async Task<bool> ServiceAnswersAsync(ApiClient api, string path, CancellationToken ct)
{
    try
    {
        await api.GetAsync<System.Text.Json.JsonElement>(path, ct);
        return true;
    }
    catch (ApiException e) when (e.Status is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.BadGateway or System.Net.HttpStatusCode.ServiceUnavailable)
    {
        return false;
    }
    catch (HttpRequestException)
    {
        return false;
    }
}

static void WriteAccounts(IReadOnlyList<DemoAccount> accounts, string path)
{
    var lines = accounts.Select(a => $"{a.Institution,-12} {a.Role,-13} {a.Email,-38} {a.Password}").ToList();
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    File.WriteAllLines(path, [$"{"institution",-12} {"role",-13} {"email",-38} password", .. lines]);
    if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
}
