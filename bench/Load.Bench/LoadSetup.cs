using System.Diagnostics;
using System.Net;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.Seed;

namespace RedesPlataforma.Bench.Load;

/// <summary>A signed-in user of the load: the token is renewed before it can expire (access tokens live 15 minutes).</summary>
public sealed class SignedIn(ApiClient anonymous, string email, string password)
{
    private static readonly TimeSpan RenewAfter = TimeSpan.FromMinutes(10);
    private long _signedInAt;

    public string Email => email;
    public string Token { get; private set; } = "";

    public async Task RenewIfOldAsync(CancellationToken ct)
    {
        if (Token.Length > 0 && Stopwatch.GetElapsedTime(_signedInAt) < RenewAfter) return;
        Token = (await anonymous.SignInAsync(email, password, "", ct)).AccessToken!;
        _signedInAt = Stopwatch.GetTimestamp();
    }
}

/// <summary>One tenant of the load: its supervisor and specialist, what they read and write about, and their pending plans.</summary>
public sealed class LoadTenant(string slug, SignedIn supervisor, SignedIn specialist, IReadOnlyList<Guid> networks, Guid programme,
    IReadOnlyList<string> districts)
{
    public string Slug => slug;
    public SignedIn Supervisor => supervisor;
    public SignedIn Specialist => specialist;
    public IReadOnlyList<Guid> Networks => networks;
    public Guid Programme => programme;
    public IReadOnlyList<string> Districts => districts;

    /// <summary>Monitoring entries handed out so far: each takes the next (network, month) pair nobody has recorded.</summary>
    public long MonitoringEntries;

    /// <summary>Plans drafted and not yet submitted, and submitted and not yet decided (by id), for the next steps of the mix.</summary>
    public readonly System.Collections.Concurrent.ConcurrentQueue<Guid> Drafted = new(), Submitted = new();
}

/// <summary>
/// Everything the load needs, through the public API (the gateway) as the demo seed does it: the tenants apply and the
/// national unit approves them (TenantsSeed), each gets an org unit, a supervisor and a trained specialist, 90 producers
/// imported from a CSV and 6 networks in Cusco with a year of monitoring (NetworksSeed, from a small snapshot plan), a
/// programme of its own for plans, and one plan drafted (which also waits until Financing knows the networks).
/// </summary>
public sealed class LoadSetup(ApiClient anonymous, HttpClient gateway, string staffPassword, string nationalEmail, string nationalPassword, Action<string> log)
{
    private const int Parallelism = 4;
    private static readonly TimeSpan ProjectionWait = TimeSpan.FromSeconds(120);

    public static string SlugOf(int index) => $"carga-{index:D2}";

    public async Task<IReadOnlyList<LoadTenant>> RunAsync(int count, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var secrets = new Secrets(Path.Combine(Path.GetTempPath(), $"load-bench-{Guid.NewGuid():N}"));
        var institutions = Enumerable.Range(1, count).Select(Institution).ToList();
        try
        {
            // A few lanes at once: the Tenants service takes a limited number of applications a minute per address anyway.
            var lanes = institutions.Chunk((count + Parallelism - 1) / Parallelism)
                .Select(lane => new TenantsSeed(anonymous, secrets, nationalEmail, _ => { }).RunAsync(lane, ct));
            var seeded = (await Task.WhenAll(lanes)).SelectMany(t => t).ToList();
            log($"{count} tenants onboarded with their staff at {clock.Elapsed.TotalSeconds:0}s");

            var tenants = new LoadTenant[count];
            await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
                async (i, token) => tenants[i] = await FillAsync(seeded[i], i + 1, token));
            log($"{count} tenants filled (producers, networks, monitoring, programme, a draft plan) at {clock.Elapsed.TotalSeconds:0}s");
            return tenants;
        }
        finally
        {
            if (Directory.Exists(secrets.Directory)) Directory.Delete(secrets.Directory, recursive: true);
        }
    }

    public SignedIn National() => new(anonymous, nationalEmail, nationalPassword);

    private async Task<LoadTenant> FillAsync(SeededTenant tenant, int index, CancellationToken ct)
    {
        var plan = Snapshot(tenant.Institution.Slug, index);
        var specialists = await new SpecialistsSeed(tenant, plan, staffPassword, _ => { }).RunAsync(ct);
        await new NetworksSeed(tenant, tenant.Admin, plan, specialists, _ => { }).RunAsync(ct);
        var admin = tenant.Admin;
        var networks = (await admin.GetAllAsync<NetworkSummary>("api/networks", ct)).Select(n => n.Id).ToList();
        var districts = (await admin.GetAllAsync<DistrictDto>($"api/places/districts?region={DemoSnapshot.Cusco}", ct)).Select(d => d.Code).ToList();
        var programme = await admin.PostAsync<ProgrammeDto>("api/programmes", new PublishProgrammeRequest(
            $"Fondo concursable {tenant.Institution.Slug}", tenant.Institution.Name, 1_000_000_000m, new DateOnly(2025, 1, 1), new DateOnly(2030, 12, 31),
            100_000m, 0.2m, [], [], 0), ct);

        var staff = tenant.Institution.Staff;
        var loadTenant = new LoadTenant(tenant.Institution.Slug,
            new SignedIn(anonymous, staff.Single(s => s.Role == DemoInstitutions.Supervisor).Email, staffPassword),
            new SignedIn(anonymous, staff.Single(s => s.Role == DemoInstitutions.Specialist).Email, staffPassword),
            networks, programme.Id, districts);
        await loadTenant.Specialist.RenewIfOldAsync(ct);
        loadTenant.Drafted.Enqueue(await FirstDraftAsync(loadTenant, ct));
        return loadTenant;
    }

    /// <summary>
    /// The Financing service learns networks from the Networks service's events: the first draft is retried on 422
    /// (unknown network) until it has, so the load's drafts do not fail for it.
    /// </summary>
    private async Task<Guid> FirstDraftAsync(LoadTenant tenant, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            using var request = Mix.DraftRequest(tenant, 0);
            using var response = await gateway.SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.Created) return await Mix.IdOfAsync(response, ct);
            if (response.StatusCode is not (HttpStatusCode.UnprocessableEntity or HttpStatusCode.TooManyRequests) || waited.Elapsed > ProjectionWait)
                throw new ApiException($"{tenant.Slug}: the first plan draft -> {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
    }

    /// <summary>An NGO working in Cusco: an admin, one seat, a supervisor and a specialist; RUC and DNIs valid and distinct per index.</summary>
    private static DemoInstitution Institution(int index)
    {
        var slug = SlugOf(index);
        var ruc = $"20{60_000_000 + index:D8}";
        ruc += Ruc.CheckDigit(ruc).ToString(System.Globalization.CultureInfo.InvariantCulture);
        const string seat = "Sede Cusco";
        return new DemoInstitution(slug, $"Asociación de Carga {index:D2}", "Ngo", ruc, [DemoSnapshot.Cusco],
            $"Administradora Carga {index:D2}", $"admin@{slug}.bench.pe", [new DemoOrgUnit(seat, "Sede", DemoSnapshot.Cusco)],
        [
            new DemoStaff($"Supervisora Carga {index:D2}", $"supervisora@{slug}.bench.pe", DemoInstitutions.Supervisor, seat, [DemoSnapshot.Cusco],
                $"{80_000_000 + index * 10:D8}", $"+51 984 {index:D3} 001"),
            new DemoStaff($"Especialista Carga {index:D2}", $"especialista@{slug}.bench.pe", DemoInstitutions.Specialist, seat, [DemoSnapshot.Cusco],
                $"{80_000_000 + index * 10 + 1:D8}", $"+51 984 {index:D3} 002"),
        ]);
    }

    /// <summary>Andina's shape (a small NGO), all in Cusco so one specialist runs every network: 90 producers in 6 networks.</summary>
    private static SnapshotPlan Snapshot(string slug, int index) => new(
        Slug: slug,
        RandomSeed: 20_260_000 + index,
        Producers: 90,
        NetworkSize: (10, 20),
        Networks:
        [
            new("cuy", DemoSnapshot.Cusco, 2), new("native-potato", DemoSnapshot.Cusco, 2),
            new("quinoa", DemoSnapshot.Cusco, 1), new("alpaca-fibre", DemoSnapshot.Cusco, 1),
        ],
        WomenLed: 3,
        NetworksByPhase: new Dictionary<int, int> { [1] = 2, [2] = 2, [3] = 2 },
        TrainedSpecialistsByRegion: null,
        MonitoringYear: 2025,
        FemaleShare: (0.6, 0.4));
}
