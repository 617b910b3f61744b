extern alias GatewayService;

using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GatewayService::RedesPlataforma.Gateway.Overload;
using Microsoft.Extensions.DependencyInjection;
using RedesPlataforma.Tenants.Onboarding;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Gateway.FunctionalTests;

public sealed class OverloadTests(OverloadedGatewayApp app) : IClassFixture<OverloadedGatewayApp>
{
    private const string Applications = "/api/onboarding/applications";

    [Fact]
    public async Task With_every_turn_taken_and_the_line_full_a_request_is_refused_at_once_with_a_503_problem_and_retry_after()
    {
        using var refusals = new RefusalCount(app);
        await using var held = await HoldTheTurnAsync();
        var waiting = app.Client().PostAsync(Applications, Body(Application()));
        await Until(() => app.Shedding.Statistics.CurrentQueuedCount == 1, "the second request waits in line");

        var (refused, reached) = await SendTracedAsync();

        await Problem.AssertAsync(refused, HttpStatusCode.ServiceUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(OverloadedGatewayApp.RetryAfterSeconds), refused.Headers.RetryAfter?.Delta);
        Assert.False(reached, "a refused request never reaches the service");
        Assert.False(waiting.IsCompleted, "the request in line still waits for its turn");
        Assert.Equal(1, refusals.Total);

        held.Release();
        Assert.Equal(HttpStatusCode.Created, (await held.Answer).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await waiting).StatusCode);
    }

    [Fact]
    public async Task A_request_that_waited_its_longest_in_line_gets_a_503_problem_and_the_next_one_is_served_once_the_turn_is_back()
    {
        using var refusals = new RefusalCount(app);
        await using var held = await HoldTheTurnAsync();

        var clock = Stopwatch.StartNew();
        var waited = await app.Client().PostAsync(Applications, Body(Application()));
        clock.Stop();

        await Problem.AssertAsync(waited, HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(waited.Headers.RetryAfter);
        Assert.True(clock.Elapsed >= OverloadedGatewayApp.MaxQueueWait - TimeSpan.FromMilliseconds(50), $"refused after {clock.Elapsed}");
        Assert.Equal(1, refusals.Total);

        held.Release();
        Assert.Equal(HttpStatusCode.Created, (await held.Answer).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await app.Client().PostAsync(Applications, Body(Application()))).StatusCode);
    }

    [Fact]
    public async Task The_turn_is_given_back_when_the_service_answers_not_when_the_client_has_read_the_answer()
    {
        // A download far larger than what the test server's response pipe and the proxy's copy buffer hold between them,
        // so the gateway is still sending it while the client reads none of it.
        using var download = new HttpRequestMessage(HttpMethod.Get, $"{Applications}/{Guid.NewGuid()}/status");
        download.Headers.Add(KestrelTenantsApp.RespondWithBytesHeader, OverloadedGatewayApp.LargerThanTheTestServersBuffers.ToString());
        using var unread = await app.StreamingClient().SendAsync(download, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, unread.StatusCode);

        var (served, reached) = await SendTracedAsync();

        Assert.Equal(HttpStatusCode.Created, served.StatusCode);
        Assert.True(reached);
        Assert.Equal(OverloadedGatewayApp.LargerThanTheTestServersBuffers, (await unread.Content.ReadAsByteArrayAsync()).Length);
    }

    /// <summary>A request whose body stops half-way until released: the service waits for the rest, so its answer has
    /// not started and the request keeps its turn. The JSON ends in spaces so that its first half is larger than what
    /// the proxy's HTTP client holds back before it writes to the service.</summary>
    private async Task<HeldRequest> HoldTheTurnAsync()
    {
        var correlationId = Guid.NewGuid().ToString("N");
        var release = new TaskCompletionSource();
        using var request = new HttpRequestMessage(HttpMethod.Post, Applications) { Content = new StalledBody([.. Utf8(Application()), .. Enumerable.Repeat((byte)' ', 256 * 1024)], release.Task) };
        request.Headers.Add("X-Correlation-Id", correlationId);
        var answer = app.StreamingClient().SendAsync(request);
        await Until(() => app.Tenants.ReceivedHeaders.ContainsKey(correlationId) || answer.IsCompleted, "the held request reaches the service");
        if (answer.IsCompleted) Assert.Fail($"The held request was answered {(int)(await answer).StatusCode} before its body was through.");
        return new HeldRequest(answer, release);
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30)) Assert.Fail($"Not within 30 s: {what}.");
            await Task.Delay(10);
        }
    }

    private async Task<(HttpResponseMessage Response, bool Reached)> SendTracedAsync()
    {
        var correlationId = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, Applications) { Content = Body(Application()) };
        request.Headers.Add("X-Correlation-Id", correlationId);
        var response = await app.Client().SendAsync(request);
        return (response, app.Tenants.ReceivedHeaders.ContainsKey(correlationId));
    }

    private static ApplicationRequest Application() => Scenario.Application(Scenario.Unique("carga"));

    private static byte[] Utf8(ApplicationRequest application) => JsonSerializer.SerializeToUtf8Bytes(application, Json.Options);

    private static ByteArrayContent Body(ApplicationRequest application)
    {
        var content = new ByteArrayContent(Utf8(application));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>The refusals this fixture's gateway counts on its meter from now on (other gateways in the process have
    /// meters of their own, told apart by their factory).</summary>
    private sealed class RefusalCount : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _total;

        public RefusalCount(OverloadedGatewayApp app)
        {
            var factory = app.GatewayServices.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Name == OverloadShedding.RefusedCounter) listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
            _listener.Start();
        }

        public long Total => Interlocked.Read(ref _total);

        public void Dispose() => _listener.Dispose();
    }

    private sealed class HeldRequest(Task<HttpResponseMessage> answer, TaskCompletionSource release) : IAsyncDisposable
    {
        public Task<HttpResponseMessage> Answer => answer;

        public void Release() => release.TrySetResult();

        public async ValueTask DisposeAsync()
        {
            Release();
            (await answer).Dispose();
        }
    }

    /// <summary>A JSON body with its Content-Length that sends its first half, then the rest once released.</summary>
    private sealed class StalledBody : HttpContent
    {
        private readonly byte[] _bytes;
        private readonly Task _released;

        public StalledBody(byte[] bytes, Task released)
        {
            (_bytes, _released) = (bytes, released);
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_bytes.AsMemory(0, _bytes.Length / 2));
            await stream.FlushAsync();
            await _released;
            await stream.WriteAsync(_bytes.AsMemory(_bytes.Length / 2));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _bytes.Length;
            return true;
        }
    }
}
