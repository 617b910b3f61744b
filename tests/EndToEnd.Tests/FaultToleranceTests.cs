using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using RedesPlataforma.Testing;
using Xunit.Abstractions;

namespace RedesPlataforma.EndToEnd.Tests;

/// <summary>
/// Issue 16's fault test: a burst of producer registrations through the gateway, each with an Idempotency-Key and sent
/// again with it until acknowledged, during which the stack's RabbitMQ node is stopped and the Reporting process is
/// killed with SIGKILL. Both come back; Reporting's figures (the tenant's and the national ones) then equal the
/// acknowledged writes: none lost, none counted twice.
/// </summary>
[Collection(LocalStackCollection.Name), ChangesTheDemoData]
public sealed class FaultToleranceTests(LocalStack stack, ITestOutputHelper output)
{
    private const string Producers = "producers";
    private static readonly TimeSpan Convergence = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task After_a_broker_outage_and_a_killed_Reporting_the_figures_equal_the_acknowledged_writes()
    {
        using var admin = await stack.SignedInAsync("admin@andina.demo.pe", stack.AndinaAdminPassword);
        using var national = await stack.SignedInAsync("unidad@redes.pe", stack.NationalPassword);
        var district = (await (await admin.GetAsync("api/places/districts?region=PE-CUS&PageSize=1")).ReadAsync<JsonElement>())
            .GetProperty("items")[0].GetProperty("code").GetString()!;
        var registered = await ActiveProducersAsync(admin);
        var (tenantBefore, _) = await UntilAsync(() => FigureAsync(admin, "api/reporting/dashboard"), f => f == registered);
        var nationalBefore = await FigureAsync(national, "api/reporting/national");
        Assert.Equal(registered, tenantBefore);

        var clock = Stopwatch.StartNew();
        var acknowledged = 0;
        using var burstEnd = new CancellationTokenSource();
        var burst = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!burstEnd.IsCancellationRequested)
            {
                await RegisterUntilAcknowledgedAsync(admin, district);
                Interlocked.Increment(ref acknowledged);
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(3));
        var faultsAt = clock.Elapsed;
        await Task.WhenAll(stack.StopBrokerAsync(), Task.Run(() => stack.Kill("reporting")));
        var duringOutage = acknowledged;
        await Task.Delay(TimeSpan.FromSeconds(5));
        await Task.WhenAll(stack.StartBrokerAsync(), stack.RestartAsync("reporting"));
        var restoredAt = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(3));
        await burstEnd.CancelAsync();
        await Task.WhenAll(burst);
        var burstEndedAt = clock.Elapsed;

        var expectedTenant = tenantBefore + acknowledged;
        var (tenant, converged) = await UntilAsync(() => FigureAsync(admin, "api/reporting/dashboard"), f => f >= expectedTenant);
        await Task.Delay(TimeSpan.FromSeconds(3)); // a message delivered twice would arrive by now
        tenant = await FigureAsync(admin, "api/reporting/dashboard");
        var nationalAfter = await FigureAsync(national, "api/reporting/national");

        var figures = $"fault test: {acknowledged} writes acknowledged ({duringOutage} before the faults at {faultsAt.TotalSeconds:F0} s); broker and Reporting back "
            + $"at {restoredAt.TotalSeconds:F0} s, burst ended at {burstEndedAt.TotalSeconds:F0} s; Reporting converged {converged.TotalSeconds:F1} s after it: "
            + $"tenant {tenantBefore} → {tenant} (expected {expectedTenant}), national {nationalBefore} → {nationalAfter}";
        output.WriteLine(figures);
        Figures.Record("faults.txt", figures);
        Assert.Equal(expectedTenant, await ActiveProducersAsync(admin));
        Assert.Equal(expectedTenant, tenant);
        Assert.Equal(nationalBefore + acknowledged, nationalAfter);
    }

    /// <summary>Registers a new producer, sending the same request with the same Idempotency-Key again after any
    /// failure (refused connection, 5xx, 429), as a client that must not lose the write nor make it twice.</summary>
    private static async Task RegisterUntilAcknowledgedAsync(HttpClient admin, string district)
    {
        var key = Guid.NewGuid().ToString();
        var producer = new
        {
            dni = RandomNumberGenerator.GetInt32(10_000_000, 100_000_000).ToString(), firstNames = "Ráfaga", lastNames = "Prueba Fallos",
            gender = "Female", birthYear = 1980, districtCode = district, consentGiven = true,
            consentDate = DateTime.UtcNow.AddHours(-5).AddDays(-1).ToString("yyyy-MM-dd"),
        };
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/producers") { Content = JsonContent.Create(producer) };
            request.Headers.Add("Idempotency-Key", key);
            try
            {
                using var response = await admin.SendAsync(request);
                if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK) return;
                Assert.True(response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.Conflict || (int)response.StatusCode >= 500,
                    $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }
    }

    private static async Task<int> ActiveProducersAsync(HttpClient admin) =>
        (await (await admin.GetAsync("api/producers?Active=true&PageSize=1")).ReadAsync<JsonElement>()).GetProperty("totalCount").GetInt32();

    /// <summary>The summary's total of producers on a dashboard.</summary>
    private static async Task<int> FigureAsync(HttpClient client, string url)
    {
        var summary = (await (await client.GetAsync(url)).ReadAsync<JsonElement>()).GetProperty("summary");
        var column = summary.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("key").GetString()).ToList().IndexOf(Producers);
        return summary.GetProperty("total").GetProperty("values")[column].GetInt32();
    }

    /// <summary>Reads until the value satisfies the condition or <see cref="Convergence"/> passes; returns the last value and the time taken.</summary>
    private static async Task<(int Value, TimeSpan After)> UntilAsync(Func<Task<int>> read, Func<int, bool> done)
    {
        var clock = Stopwatch.StartNew();
        var value = await read();
        while (!done(value) && clock.Elapsed < Convergence)
        {
            await Task.Delay(250);
            value = await read();
        }
        return (value, clock.Elapsed);
    }
}
