using System.Net;
using System.Net.Sockets;
using System.Text;
using RedesPlataforma.Seed;

namespace RedesPlataforma.Deploy.Tests;

/// <summary>
/// The seed (and the benches' set-up, which uses the same client) sends a request again when the gateway says when to
/// come back: a 429 from the rate limit, a 503 with Retry-After from the overload turns (ADR 0038). Anything else is a
/// failure the seed must stop on. Against a real HTTP listener that answers from a script.
/// </summary>
public sealed class SeedApiClientTests
{
    private sealed record Answer(int Value);

    [Fact]
    public async Task A_busy_503_with_Retry_After_is_sent_again_with_the_same_body_after_that_wait()
    {
        await using var server = new ScriptedServer(
            (503, "1"),
            (200, null));
        var throttledBefore = ApiClient.ThrottledRequests;

        var started = DateTime.UtcNow;
        var answer = await server.Client().PostAsync<Answer>("api/producers", new { name = "Rosa" }, CancellationToken.None);

        Assert.Equal(7, answer.Value);
        Assert.Equal(2, server.Bodies.Count);
        Assert.All(server.Bodies, body => Assert.Equal("""{"name":"Rosa"}""", body));
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(1), "sent again before the Retry-After");
        Assert.Equal(throttledBefore + 1, ApiClient.ThrottledRequests);
    }

    [Fact]
    public async Task A_429_is_sent_again_even_without_Retry_After()
    {
        await using var server = new ScriptedServer(
            (429, null),
            (429, "1"),
            (200, null));

        var answer = await server.Client().GetAsync<Answer>("api/value-chains", CancellationToken.None);

        Assert.Equal(7, answer.Value);
        Assert.Equal(3, server.Bodies.Count);
    }

    [Theory]
    [InlineData(503)] // unavailable without saying when: not a wait, a failure
    [InlineData(500)]
    [InlineData(409)]
    public async Task Any_other_refusal_stops_the_seed_with_the_problem_it_got(int status)
    {
        await using var server = new ScriptedServer((status, null), (200, null));

        var failure = await Assert.ThrowsAsync<ApiException>(() =>
            server.Client().PostAsync<Answer>("api/producers", new { name = "Rosa" }, CancellationToken.None));

        Assert.Equal((HttpStatusCode)status, failure.Status);
        Assert.Contains("scripted refusal", failure.Body);
        Assert.Single(server.Bodies);
    }

    /// <summary>Answers the requests in order with the scripted statuses (and Retry-After), 7 as the successful value.</summary>
    private sealed class ScriptedServer : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _serving;
        private readonly Uri _address;

        public ScriptedServer(params (int Status, string? RetryAfter)[] script)
        {
            _address = new Uri($"http://127.0.0.1:{FreePort()}/");
            _listener.Prefixes.Add(_address.ToString());
            _listener.Start();
            _serving = ServeAsync(script);
        }

        public List<string> Bodies { get; } = [];

        public ApiClient Client() => new(new HttpClient { BaseAddress = _address }, "token");

        private async Task ServeAsync((int Status, string? RetryAfter)[] script)
        {
            foreach (var (status, retryAfter) in script)
            {
                var context = await _listener.GetContextAsync();
                using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
                    Bodies.Add(await reader.ReadToEndAsync());
                context.Response.StatusCode = status;
                if (retryAfter is not null) context.Response.Headers["Retry-After"] = retryAfter;
                var body = Encoding.UTF8.GetBytes(status == 200 ? """{"value":7}""" : """{"title":"scripted refusal"}""");
                context.Response.ContentType = status == 200 ? "application/json" : "application/problem+json";
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        }

        private static int FreePort()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            try { await _serving; } catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { }
        }
    }
}
