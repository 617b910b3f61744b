using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using RedesPlataforma.Testing;
using Xunit.Abstractions;

namespace RedesPlataforma.Tenants.FunctionalTests;

/// <summary>
/// PostgreSQL stopped and started again under reads and writes (issue 16, item 6): while the database cannot be
/// reached every answer is a 503 problem with Retry-After, never a 500, readiness says unhealthy and liveness stays up;
/// once it is back, reads and writes succeed again. The database is a cluster of the test's own.
/// </summary>
public sealed class DatabaseOutageTests(DatabaseOutageApp app, ITestOutputHelper output) : IClassFixture<DatabaseOutageApp>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task While_the_database_is_down_requests_get_503_with_retry_after_and_readiness_fails_then_they_succeed_again()
    {
        var national = await app.Tenants.NationalClientAsync();
        var anonymous = app.Tenants.CreateClient();
        var answers = new ConcurrentBag<(int Status, string? ContentType, bool RetryAfter)>();
        using var stop = new CancellationTokenSource();
        async Task TrafficAsync(Func<Task<HttpResponseMessage>> send)
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await send();
                answers.Add(((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter is not null));
            }
        }
        var traffic = Enumerable.Range(0, 2).SelectMany(_ => new[]
        {
            TrafficAsync(() => national.GetAsync("/api/tenants")),
            TrafficAsync(() => anonymous.PostAsJsonAsync("/api/onboarding/applications", Scenario.Application(Scenario.Unique("outage")))),
        }).ToList();
        await Task.Delay(TimeSpan.FromSeconds(1));

        var clock = Stopwatch.StartNew();
        await app.Cluster.StopServerAsync();
        var stopped = clock.Elapsed;
        var unready = await UntilAsync(async () => (await anonymous.GetAsync("/health/ready")).StatusCode == HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var duringOutage = answers.Count;

        await app.Cluster.StartServerAsync();
        clock.Restart();
        var ready = await UntilAsync(async () => (await anonymous.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK);
        var served = await UntilAsync(async () =>
            (await national.GetAsync("/api/tenants")).IsSuccessStatusCode
            && (await anonymous.PostAsJsonAsync("/api/onboarding/applications", Scenario.Application(Scenario.Unique("back")))).StatusCode == HttpStatusCode.Created);
        await stop.CancelAsync();
        await Task.WhenAll(traffic);

        var refused = answers.Where(a => a.Status == 503).ToList();
        output.WriteLine($"pg_ctl stop took {stopped.TotalSeconds:F1} s; readiness failed {unready.TotalSeconds:F1} s after it; "
            + $"after the restart readiness passed in {ready.TotalSeconds:F1} s and a read and a write succeeded in {served.TotalSeconds:F1} s; "
            + $"{answers.Count} answers ({duringOutage} up to the restart): {string.Join(", ", answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} × {g.Key}"))}");
        Assert.DoesNotContain(answers, a => a.Status >= 500 && a.Status != 503);
        Assert.NotEmpty(refused);
        Assert.All(refused, a => Assert.True(a is { ContentType: "application/problem+json", RetryAfter: true }, $"{a}"));
    }

    /// <summary>Polls until the condition holds and returns how long that took; fails after <see cref="Patience"/>.</summary>
    private static async Task<TimeSpan> UntilAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < Patience, $"not within {Patience.TotalSeconds} s");
            await Task.Delay(100);
        }
        return clock.Elapsed;
    }
}

/// <summary>The Tenants service on a database in a PostgreSQL cluster of its own, which the test stops and starts.</summary>
public sealed class DatabaseOutageApp : IAsyncLifetime
{
    public ThrowawayPostgres Cluster { get; private set; } = null!;
    public TenantsApp Tenants { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = await ThrowawayPostgres.StartAsync();
        Tenants = new OnCluster(Cluster.Port);
        await ((IAsyncLifetime)Tenants).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)Tenants).DisposeAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class OnCluster(int port) : TenantsApp
    {
        protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateAsync("tenants", port);
    }
}
