using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Bench.Reporting;

/// <summary>
/// Write-to-visible latency through a running stack (bench/Reporting.Bench/freshness.sh starts one): Agro Rural's admin
/// registers a producer through the gateway (POST api/producers), and the national unit polls GET
/// api/reporting/national until the national producer total has grown by one. Meanwhile another institution's admin
/// (Andina) registers producers in a loop from several writers (the background load, through the same gateway,
/// services, broker and Reporting consumers). The measured writes are one at a time, so each one's change is the next
/// +1 of the total only if the background writers are accounted for: the poller waits until the total reaches the
/// count of every write acknowledged before the measured one, plus it. The gateway rate-limits each tenant and user
/// (429): writes and polls back off and retry, so the background load is as much as Andina's limit lets through, and
/// a measured write that was refused restarts its clock.
/// </summary>
public static class Freshness
{
    public static async Task<int> RunAsync(Uri gateway, int samples, int writers, TimeSpan poll)
    {
        static string Password(string variable) => Environment.GetEnvironmentVariable(variable) ?? throw new InvalidOperationException($"{variable} is not set.");

        async Task<HttpClient> SignIn(string email, string password)
        {
            var client = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(60) };
            var token = await client.SignInAsync(email, password);
            return client.Authorize(token.AccessToken);
        }
        using var measured = await SignIn("admin@agrorural.demo.pe", Password("REDES_AGRORURAL_ADMIN_PASSWORD"));
        using var background = await SignIn("admin@andina.demo.pe", Password("REDES_ANDINA_ADMIN_PASSWORD"));
        using var national = await SignIn("unidad@redes.pe", Password("REDES_NATIONAL_PASSWORD"));

        var dni = 70_000_000 + Random.Shared.Next(0, 5_000_000);
        var acknowledged = 0L; // registrations the API has answered 201 to, background and measured
        var refusedPolls = 0L;
        async Task<Guid?> RegisterAsync(HttpClient admin, CancellationToken ct)
        {
            var request = new
            {
                dni = Interlocked.Increment(ref dni).ToString("D8"), firstNames = "Bench", lastNames = "Frescura", gender = "Female",
                birthYear = 1980, districtCode = "080101", consentGiven = true, consentDate = "2025-01-15",
            };
            using var response = await admin.PostAsJsonAsync("api/producers", request, ct);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                Interlocked.Increment(ref acknowledged);
                using var created = await response.Content.ReadFromJsonAsync<JsonDocument>(ct) ?? throw new InvalidOperationException("empty body");
                return created.RootElement.GetProperty("id").GetGuid();
            }
            if (response.StatusCode == HttpStatusCode.Conflict) return null; // a DNI taken already: the next one
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                // The gateway's rate limit: back off as told, and try again (a measured write restarts its clock).
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), ct);
                return null;
            }
            throw new InvalidOperationException($"POST api/producers: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }

        var polls = new List<double>(); // every national read's round trip, ms
        async Task<long> NationalProducersAsync(CancellationToken ct)
        {
            var sent = Stopwatch.GetTimestamp();
            using var response = await national.GetAsync("api/reporting/national", ct);
            lock (polls) polls.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) { Interlocked.Increment(ref refusedPolls); return long.MinValue; } // rate limited: not visible yet, poll again
            response.EnsureSuccessStatusCode();
            using var body = await response.Content.ReadFromJsonAsync<JsonDocument>(ct) ?? throw new InvalidOperationException("empty body");
            var summary = body.RootElement.GetProperty("summary");
            var column = summary.GetProperty("columns").EnumerateArray().Select((c, i) => (c, i)).First(x => x.c.GetProperty("key").GetString() == "producers").i;
            var value = summary.GetProperty("total").GetProperty("values")[column];
            return value.ValueKind == JsonValueKind.Number ? (long)value.GetDecimal() : throw new InvalidOperationException("the national producer total is suppressed");
        }

        // Where the total starts, once nothing is in flight.
        var baseline = await NationalProducersAsync(CancellationToken.None);
        Console.WriteLine($"national producer total at start: {baseline:N0}; {writers} background writers, {samples} measured writes, polling every {poll.TotalMilliseconds:0} ms");

        using var stop = new CancellationTokenSource();
        var backgroundWrites = 0L;
        var writing = Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try { if (await RegisterAsync(background, stop.Token) is not null) Interlocked.Increment(ref backgroundWrites); }
                catch (OperationCanceledException) { }
            }
        })).ToList();

        var latencies = new List<double>();
        var writes = new List<MeasuredWrite>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var posted = DateTimeOffset.UtcNow;
            Guid? producer;
            while ((producer = await RegisterAsync(measured, CancellationToken.None)) is null) (start, posted) = (Stopwatch.GetTimestamp(), DateTimeOffset.UtcNow);
            var acknowledgedAt = DateTimeOffset.UtcNow;
            var target = baseline + Interlocked.Read(ref acknowledged); // this write and every one answered before it
            while (await NationalProducersAsync(CancellationToken.None) < target)
            {
                if (Stopwatch.GetElapsedTime(start) > TimeSpan.FromSeconds(60)) throw new TimeoutException($"write {i} not visible nationally after 60 s");
                await Task.Delay(poll);
            }
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            writes.Add(new MeasuredWrite(producer.Value, posted, acknowledgedAt, DateTimeOffset.UtcNow));
        }
        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(writing);

        var p = Percentiles.Of(latencies);
        Console.WriteLine();
        Console.WriteLine($"write at the gateway (POST api/producers, 201) -> national producer total changed (GET api/reporting/national), ms; " +
                          $"{samples} writes over {seconds:0} s, {backgroundWrites / seconds:0.0} background writes/s");
        Console.WriteLine("| writes | p50 | p95 | p99 | max |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| {samples} | {p.P50:0} | {p.P95:0} | {p.P99:0} | {p.Max:0} |");
        Console.WriteLine($"goal: p99 <= 1 s {(p.P99 <= 1000 ? "met" : "NOT met")}; load avg {Machine.LoadAverage()}; {refusedPolls} national polls refused (429)");
        var read = Percentiles.Of(polls);
        Console.WriteLine($"{polls.Count} national reads (GET api/reporting/national through the gateway), ms: p50 {read.P50:0}, p95 {read.P95:0}, p99 {read.P99:0}, max {read.Max:0}");
        await PrintStagesAsync(writes);
        return 0;
    }

    /// <summary>A measured write's clock readings in the bench: POST sent, 201 received, national total changed.</summary>
    private sealed record MeasuredWrite(Guid Producer, DateTimeOffset Posted, DateTimeOffset Acknowledged, DateTimeOffset Visible);

    /// <summary>
    /// Where each measured write's time went, from the stack's own rows (one machine, one clock): the outbox row's
    /// occurred_at (Networks, in the request), its dispatched_at (the dispatcher's claim: its transaction's now()),
    /// and Reporting's inbox row's processed_at (the start of the consumer's transaction that committed).
    /// </summary>
    private static async Task PrintStagesAsync(List<MeasuredWrite> writes)
    {
        var suffix = Environment.GetEnvironmentVariable("REDES_DB_SUFFIX") ?? "";
        var outbox = new Dictionary<Guid, (Guid Message, DateTimeOffset Occurred, DateTimeOffset Dispatched)>();
        await using (var networks = new NpgsqlConnection(LocalInfrastructure.OwnerConnectionString($"redes_networks{suffix}")))
        {
            await networks.OpenAsync();
            await using var query = new NpgsqlCommand("""
                SELECT aggregate_id::uuid, id, occurred_at, dispatched_at FROM outbox_messages
                WHERE aggregate_id = ANY(@ids) AND message_type LIKE '%.ProducerRegistered,%' AND dispatched_at IS NOT NULL
                """, networks);
            query.Parameters.AddWithValue("ids", writes.Select(w => w.Producer.ToString()).ToArray());
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                outbox[reader.GetGuid(0)] = (reader.GetGuid(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3));
        }
        var inbox = new Dictionary<Guid, DateTimeOffset>();
        await using (var reporting = new NpgsqlConnection(LocalInfrastructure.OwnerConnectionString($"redes_reporting{suffix}")))
        {
            await reporting.OpenAsync();
            await using var query = new NpgsqlCommand("SELECT message_id, processed_at FROM inbox_messages WHERE message_id = ANY(@ids)", reporting);
            query.Parameters.AddWithValue("ids", outbox.Values.Select(o => o.Message).ToArray());
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync()) inbox[reader.GetGuid(0)] = reader.GetFieldValue<DateTimeOffset>(1);
        }

        var stages = writes.Where(w => outbox.ContainsKey(w.Producer) && inbox.ContainsKey(outbox[w.Producer].Message)).Select(w =>
        {
            var (message, occurred, dispatched) = outbox[w.Producer];
            var consumed = inbox[message];
            return (Write: w, Stages: new[]
            {
                (occurred - w.Posted).TotalMilliseconds, (w.Acknowledged - occurred).TotalMilliseconds, (dispatched - w.Acknowledged).TotalMilliseconds,
                (consumed - dispatched).TotalMilliseconds, (w.Visible - consumed).TotalMilliseconds, (w.Visible - w.Posted).TotalMilliseconds,
            });
        }).ToList();
        string[] names = ["POST sent -> outbox row made", "outbox row made -> 201", "201 -> dispatcher's claim", "claim -> Reporting's consumer starts", "consumer starts -> visible nationally", "whole"];
        Console.WriteLine();
        Console.WriteLine($"stages of {stages.Count} measured writes, ms (one clock; negative = overlap with the previous stage)");
        Console.WriteLine("| stage | p50 | p95 | p99 | max |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        for (var i = 0; i < names.Length; i++)
        {
            var s = Percentiles.Of(stages.Select(x => x.Stages[i]).ToList());
            Console.WriteLine($"| {names[i]} | {s.P50:0} | {s.P95:0} | {s.P99:0} | {s.Max:0} |");
        }
        Console.WriteLine("the five slowest writes, ms per stage in the order above:");
        foreach (var (write, s) in stages.OrderByDescending(x => x.Stages[^1]).Take(5))
            Console.WriteLine($"  {write.Posted:HH:mm:ss.fff}  {string.Join(" / ", s.Select(v => v.ToString("0")))}");
    }
}
