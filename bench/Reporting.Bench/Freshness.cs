using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
        async Task<bool> RegisterAsync(HttpClient admin, CancellationToken ct)
        {
            var request = new
            {
                dni = Interlocked.Increment(ref dni).ToString("D8"), firstNames = "Bench", lastNames = "Frescura", gender = "Female",
                birthYear = 1980, districtCode = "080101", consentGiven = true, consentDate = "2025-01-15",
            };
            using var response = await admin.PostAsJsonAsync("api/producers", request, ct);
            if (response.StatusCode == HttpStatusCode.Created) { Interlocked.Increment(ref acknowledged); return true; }
            if (response.StatusCode == HttpStatusCode.Conflict) return false; // a DNI taken already: the next one
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                // The gateway's rate limit: back off as told, and try again (a measured write restarts its clock).
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), ct);
                return false;
            }
            throw new InvalidOperationException($"POST api/producers: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }

        async Task<long> NationalProducersAsync(CancellationToken ct)
        {
            using var response = await national.GetAsync("api/reporting/national", ct);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) return long.MinValue; // rate limited: not visible yet, poll again
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
                try { if (await RegisterAsync(background, stop.Token)) Interlocked.Increment(ref backgroundWrites); }
                catch (OperationCanceledException) { }
            }
        })).ToList();

        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            while (!await RegisterAsync(measured, CancellationToken.None)) start = Stopwatch.GetTimestamp();
            var target = baseline + Interlocked.Read(ref acknowledged); // this write and every one answered before it
            while (await NationalProducersAsync(CancellationToken.None) < target)
            {
                if (Stopwatch.GetElapsedTime(start) > TimeSpan.FromSeconds(60)) throw new TimeoutException($"write {i} not visible nationally after 60 s");
                await Task.Delay(poll);
            }
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
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
        Console.WriteLine($"goal: p95 <= 1 s {(p.P95 <= 1000 ? "met" : "NOT met")}; load avg {Machine.LoadAverage()}");
        return 0;
    }
}
