using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;
using RedesPlataforma.Contracts.Financing;
using RedesPlataforma.Contracts.Networks;
using RedesPlataforma.Reporting.Dashboard;
using RedesPlataforma.Reporting.Figures;
using RedesPlataforma.Reporting.National;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Reporting.FunctionalTests;

/// <summary>
/// Publishes the Networks and Financing services' events into the service as their outbox dispatchers would: a fresh
/// MessageId, the tenant header and a growing outbox sequence, unless a test chooses them to replay or reorder.
/// </summary>
public sealed class Events(EventProbe bus) : IAsyncDisposable
{
    private long _sequence = 1_000;
    private readonly List<(Guid? TenantId, object Message, Guid MessageId)> _published = [];

    public static async Task<Events> StartAsync(ReportingApp app) => new(await EventProbe.StartAsync(app.Tenants.Broker));

    /// <summary>Every message published so far, in order, with its MessageId.</summary>
    public IReadOnlyList<(Guid? TenantId, object Message, Guid MessageId)> Published => _published;

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public Task PublishAsync(Guid? tenantId, object message) => PublishAsync(tenantId, message, NextSequence());

    public async Task PublishAsync(Guid? tenantId, object message, long? sequence, Guid? messageId = null)
    {
        var id = messageId ?? Guid.NewGuid();
        _published.Add((tenantId, message, id));
        await bus.PublishAsync(message, id, tenantId?.ToString(), sequence);
    }

    public async Task PublishAllAsync(Guid tenantId, params object[] messages)
    {
        foreach (var message in messages) await PublishAsync(tenantId, message);
    }

    public ValueTask DisposeAsync() => bus.DisposeAsync();
}

/// <summary>Events with the defaults most tests need.</summary>
public static class Facts
{
    public static DateTimeOffset At(int year, int month, int day = 10) => new(year, month, day, 15, 0, 0, TimeSpan.Zero);

    /// <summary>A producer of their own: a DNI hash no other producer has.</summary>
    public static ProducerRegistered Producer(Guid tenantId, string region = "PE-CUS", string gender = "Female", DateTimeOffset? at = null, Guid? id = null) =>
        new(tenantId, id ?? Guid.NewGuid(), region, region == "PE-PUN" ? "210101" : "080101", gender, 1980, at ?? At(2025, 1), DniHash());

    /// <summary>What Networks' DniHasher yields: a key version and a base64url HMAC-SHA256 (random here: Reporting only compares them).</summary>
    public static string DniHash() => $"v1:{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}";

    public static NetworkFormed Network(Guid tenantId, Guid id, string chain = "cuy", string region = "PE-CUS", int phase = 1,
        bool womenLed = false, int members = 10, int women = 5, DateOnly? on = null) =>
        new(tenantId, id, chain, region, Guid.NewGuid(), womenLed, phase, members, women, on ?? new DateOnly(2025, 1, 5));

    public static BusinessPlanApproved Approved(Guid tenantId, Guid planId, Guid networkId, Guid programmeId, decimal funds, decimal cash, decimal inKind,
        string chain = "cuy", string region = "PE-CUS", DateTimeOffset? at = null) =>
        new(tenantId, planId, programmeId, networkId, chain, region, funds, cash, inKind, funds + cash + inKind, at ?? At(2025, 2));

    public static BusinessPlanSubmitted Submitted(Guid tenantId, Guid planId, Guid networkId, Guid programmeId, decimal funds, decimal cash, decimal inKind,
        string chain = "cuy", string region = "PE-CUS") =>
        new(tenantId, planId, programmeId, networkId, chain, region, funds, cash, inKind, funds + cash + inKind, At(2025, 1, 20));

    public static DisbursementMade Disbursement(Guid tenantId, Guid planId, Guid networkId, Guid programmeId, decimal amount,
        string chain = "cuy", string region = "PE-CUS", DateOnly? on = null) =>
        new(tenantId, planId, programmeId, networkId, chain, region, Guid.NewGuid(), amount, amount, on ?? new DateOnly(2025, 3, 1));

    public static MonitoringRecorded Monitoring(Guid tenantId, Guid networkId, DateOnly period, decimal sales, decimal? incomeChange,
        string chain = "cuy", string region = "PE-CUS") =>
        new(tenantId, networkId, chain, region, period, sales, 900m, incomeChange, 10);
}

public static class ReportingScenario
{
    /// <summary>Waits until the service's inbox holds every message <paramref name="events"/> published: all of them have been applied.</summary>
    public static async Task ProcessedAsync(this ReportingApp app, Events events)
    {
        var ids = events.Published.Select(p => p.MessageId).Distinct().ToArray();
        await EventuallyAsync(async () =>
        {
            await using var connection = new NpgsqlConnection(app.Database.OwnerConnectionString);
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(DISTINCT message_id) FROM inbox_messages WHERE message_id = ANY(@ids)", connection);
            count.Parameters.AddWithValue("ids", ids);
            return (long)(await count.ExecuteScalarAsync())!;
        }, processed => processed == ids.Length, $"{ids.Length} messages in the inbox");
    }

    public static async Task<TenantDashboard> DashboardAsync(this HttpClient client, string query = "") =>
        await (await client.GetAsync($"/api/reporting/dashboard{query}")).ReadAsync<TenantDashboard>();

    public static async Task<NationalDashboard> NationalAsync(this HttpClient client) =>
        await (await client.GetAsync("/api/reporting/national")).ReadAsync<NationalDashboard>();

    public static ReportTable Table(this TenantDashboard dashboard, string name) => dashboard.Tables.Single(t => t.Name == name);

    public static ReportTable Table(this NationalDashboard dashboard, string name) => dashboard.Tables.Single(t => t.Name == name);

    /// <summary>The value of a figure in a row (by key; "total" for the total row), or null when suppressed or not computable.</summary>
    public static decimal? Value(this ReportTable table, string row, Figure figure) =>
        Row(table, row).Values[Column(table, figure)];

    public static ReportRow Row(this ReportTable table, string key) =>
        key == ReportTables.TotalKey ? table.Total : table.Rows.SingleOrDefault(r => r.Key == key)
            ?? throw new InvalidOperationException($"No row {key} in {table.Name}: {string.Join(", ", table.Rows.Select(r => r.Key))}");

    public static int Column(this ReportTable table, Figure figure) => table.Columns.Select(c => c.Key).ToList().IndexOf(figure.Key);

    /// <summary>Reads until <paramref name="done"/> holds: the read models are eventually consistent with the events.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Waited {seconds} s for {what}; last read: {JsonSerializer.Serialize(value, Json.Options)}");
            await Task.Delay(100);
        }
    }

    /// <summary>Asserts the status and, for a validation problem, the parameter it names.</summary>
    public static async Task ShouldBeAsync(this HttpResponseMessage response, HttpStatusCode status, string? parameter = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode} for {response.RequestMessage?.RequestUri}: {body}");
        if (parameter is null) return;
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(parameter, out _), $"Expected the problem to name '{parameter}': {body}");
    }
}
