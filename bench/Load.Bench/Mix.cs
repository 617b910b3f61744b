using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using RedesPlataforma.Seed;

namespace RedesPlataforma.Bench.Load;

/// <summary>One request of the load: its operation's name, the request, and what to remember when it succeeds.</summary>
public sealed record Call(string Operation, HttpRequestMessage Request, Func<HttpResponseMessage, CancellationToken, Task>? OnSuccess = null);

/// <summary>
/// The weighted mix (docs/decisions/0031): a working day's requests of supervisors (dashboard, lists), specialists (their
/// work, producer search and registration, monitoring, plans) and the national unit. Every write is valid: DNIs are new
/// and carry their check character, each monitoring entry takes a month its network has no record for, a plan is
/// submitted only once drafted and approved only once submitted (drafting instead when none is waiting), and every
/// write sends an Idempotency-Key.
/// </summary>
public sealed class Mix(IReadOnlyList<LoadTenant> tenants, SignedIn national)
{
    /// <summary>Operations and their weights (per 100 requests).</summary>
    public static readonly (string Name, int Weight)[] Weights =
    [
        ("dashboard", 26), ("my work", 10), ("producer list", 15), ("producer search", 12), ("network list", 10),
        ("producer registration", 8), ("monitoring entry", 8), ("plan draft", 3), ("plan submission", 3), ("plan approval", 3),
        ("national dashboard", 2),
    ];

    private static readonly string[] Operations = [.. Weights.SelectMany(w => Enumerable.Repeat(w.Name, w.Weight))];
    private static readonly string[] Searches = ["quispe", "mamani", "huaman", "condori", "rosa quispe", "ccahuana", "maria", "juan"];
    private static readonly string[] FirstNames = ["Justina", "Teodora", "Hilario", "Valentín", "Nélida", "Eulogio", "Felícitas", "Saturnino"];
    private static readonly string[] LastNames = ["Quispe Huillca", "Mamani Ccori", "Huamán Tito", "Condori Sullca", "Ccahuana Puma"];
    private static readonly DateOnly LatestFreeMonth = new(2024, 12, 1); // the seed recorded 2025
    private static readonly DateOnly EarliestMonth = new(1990, 1, 1);

    // Registration DNIs start at 90,000,000: the seed's people never go above 79,999,999, its staff are 80,000,000 + n.
    private static long _nextDni = 90_000_000 + Random.Shared.Next(0, 4_000_000);

    public IReadOnlyList<LoadTenant> Tenants => tenants;

    public SignedIn National => national;

    /// <summary>The <paramref name="sequence"/>-th request: tenants in turn, the operation drawn by weight.</summary>
    public Call Next(long sequence, Random random) => Build(Operations[random.Next(Operations.Length)], tenants[(int)(sequence % tenants.Count)], random);

    /// <summary>A read of the busiest kinds (dashboard, producer list), for the noisy neighbour.</summary>
    public static Call Read(LoadTenant tenant, long sequence) => sequence % 2 == 0
        ? new("dashboard", Get("api/reporting/dashboard", tenant.Supervisor))
        : new("producer list", Get($"api/producers?page={1 + sequence / 2 % 3}&pageSize=25", tenant.Supervisor));

    private Call Build(string operation, LoadTenant tenant, Random random) => operation switch
    {
        "dashboard" => new(operation, Get("api/reporting/dashboard", tenant.Supervisor)),
        "my work" => new(operation, Get("api/networks/my-work", tenant.Specialist)),
        "producer list" => new(operation, Get($"api/producers?page={random.Next(1, 4)}&pageSize=25", tenant.Supervisor)),
        "producer search" => new(operation, Get($"api/producers?search={Uri.EscapeDataString(Searches[random.Next(Searches.Length)])}&pageSize=25", tenant.Specialist)),
        "network list" => new(operation, Get("api/networks?pageSize=25", tenant.Supervisor)),
        "producer registration" => new(operation, Registration(tenant, random)),
        "monitoring entry" => new(operation, Monitoring(tenant, random)),
        "plan submission" when tenant.Drafted.TryDequeue(out var drafted) =>
            new(operation, Post($"api/business-plans/{drafted}/submit", tenant.Specialist, new TransitionRequest("Validado en asamblea de la red.")),
                (_, _) => { tenant.Submitted.Enqueue(drafted); return Task.CompletedTask; }),
        "plan approval" when tenant.Submitted.TryDequeue(out var submitted) =>
            new(operation, Post($"api/business-plans/{submitted}/approve", tenant.Supervisor, new TransitionRequest("Cumple las bases del fondo.")),
                null),
        "plan approval" => Build("plan submission", tenant, random),
        "plan submission" or "plan draft" => new("plan draft", DraftRequest(tenant, random.Next()),
            async (response, ct) => tenant.Drafted.Enqueue(await IdOfAsync(response, ct))),
        "national dashboard" => new(operation, Get("api/reporting/national", national)),
        _ => throw new InvalidOperationException($"unknown operation {operation}"),
    };

    public static HttpRequestMessage DraftRequest(LoadTenant tenant, int draw) =>
        Post("api/business-plans", tenant.Specialist, new DraftPlanRequest(
            $"Plan de negocio conjunto {draw % 10_000:D4}", tenant.Networks[draw % tenant.Networks.Count], tenant.Programme,
            "Acopio y venta conjunta con valor agregado.",
            [new BudgetLineRequest("Equipment", "Equipo de selección y envasado", 1, 10_000m, 6_000m, 3_000m, 1_000m)]));

    public static async Task<Guid> IdOfAsync(HttpResponseMessage response, CancellationToken ct)
    {
        using var body = await response.Content.ReadFromJsonAsync<JsonDocument>(ct) ?? throw new InvalidOperationException("empty body");
        return body.RootElement.GetProperty("id").GetGuid();
    }

    private static HttpRequestMessage Registration(LoadTenant tenant, Random random)
    {
        var digits = Interlocked.Increment(ref _nextDni).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        var female = random.Next(2) == 0;
        return Post("api/producers", tenant.Specialist, new
        {
            dni = $"{digits}-{BuildingBlocks.Peru.Dni.CheckCharacter(digits).Digit}", firstNames = FirstNames[random.Next(FirstNames.Length)],
            lastNames = LastNames[random.Next(LastNames.Length)], gender = female ? "Female" : "Male", birthYear = random.Next(1950, 2005),
            districtCode = tenant.Districts[random.Next(tenant.Districts.Count)], consentGiven = true, consentDate = "2025-06-15",
        });
    }

    /// <summary>The next month no network of the tenant has a record for, going back from December 2024, network by network.</summary>
    private static HttpRequestMessage Monitoring(LoadTenant tenant, Random random)
    {
        var entry = Interlocked.Increment(ref tenant.MonitoringEntries) - 1;
        var network = tenant.Networks[(int)(entry % tenant.Networks.Count)];
        var period = LatestFreeMonth.AddMonths(-(int)(entry / tenant.Networks.Count));
        if (period < EarliestMonth) throw new InvalidOperationException($"{tenant.Slug}: every month since 1990 is recorded; use more networks");
        return Post($"api/networks/{network}/monitoring", tenant.Specialist, new MonitoringRequest(period, 1_000m + random.Next(5_000), 100m + random.Next(400),
            "kg", 1.2m, "t/ha", ["Selección y clasificación"], ["Feria local"], 300m + random.Next(300)));
    }

    private static HttpRequestMessage Get(string path, SignedIn user) => Authorized(new HttpRequestMessage(HttpMethod.Get, path), user);

    private static HttpRequestMessage Post(string path, SignedIn user, object body)
    {
        var request = Authorized(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, body.GetType(), options: ApiClient.Json) }, user);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }

    private static HttpRequestMessage Authorized(HttpRequestMessage request, SignedIn user)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        return request;
    }
}
