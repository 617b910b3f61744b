using System.Net;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Gateway.FunctionalTests;

/// <summary>
/// Bodies over the limit sent through the gateway on a real socket without Expect: 100-continue, as the hardening probe
/// sent them (issue 16): the gateway answers 413 itself, with the production limits, for a declared length and for a
/// chunked body, the body never reaches the service, and the connection either serves the next request or is closed.
/// </summary>
public sealed class OversizedBodyTests(KestrelGatewayApp app) : IClassFixture<KestrelGatewayApp>
{
    private const string Apply = "/api/onboarding/applications";

    /// <summary>Kestrel counts a chunked body's framing toward the limit, at the gateway as at the service: a file sent
    /// chunked fits with a little less than the limit.</summary>
    private const int ChunkedFileBytes = 4 * 1024 * 1024;

    public static TheoryData<long, bool> OversizedBodies => new()
    {
        { 1_100_000, false },
        { 2 * 1024 * 1024, false },
        { 12 * 1024 * 1024, true },
        { 1_100_000, true },
    };

    [Theory]
    [MemberData(nameof(OversizedBodies))]
    public async Task A_body_over_the_limit_gets_the_gateways_413_problem_and_the_connection_stays_usable_or_is_closed(long bytes, bool chunked)
    {
        await using var connection = await RawHttpConnection.OpenAsync(app.Port);
        var correlationId = Guid.NewGuid().ToString("N");

        var refused = await connection.SendAsync("POST", Apply, ["Content-Type: application/json", $"X-Correlation-Id: {correlationId}"], bytes, chunked);

        Assert.True(refused.Status == 413, $"{refused.Status}: {refused.Body}");
        Assert.Equal(413, refused.Problem().GetProperty("status").GetInt32());
        Assert.DoesNotContain(correlationId, app.Tenants.ReceivedHeaders.Keys);
        await AssertUsableOrClosedAsync(connection, refused);
    }

    [Fact]
    public async Task A_five_megabyte_evidence_file_still_reaches_the_service_and_one_byte_more_is_refused_chunked_or_not()
    {
        var path = $"/api/networks/{Guid.NewGuid()}/evidence/{Guid.NewGuid()}?fileName=acta.jpg";
        var token = (await app.Tenants.OnboardAsync()).Admin.DefaultRequestHeaders.Authorization!.ToString();
        string[] Headers(string correlationId) =>
            ["Content-Type: image/jpeg", $"Authorization: {token}", $"X-Correlation-Id: {correlationId}", $"{KestrelTenantsApp.ReadBodyHeader}: yes"];

        foreach (var chunked in new[] { false, true })
        {
            await using var connection = await RawHttpConnection.OpenAsync(app.Port);
            var (accepted, refused) = (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));

            var full = await connection.SendAsync("PUT", path, Headers(accepted), chunked ? ChunkedFileBytes : KestrelGatewayApp.MaxEvidenceBytes, chunked);
            Assert.True(full.Status is not (413 or 502), $"chunked: {chunked}, reached: {app.Tenants.ReceivedHeaders.ContainsKey(accepted)}, {full.Status}: {full.Body}");
            Assert.True(app.Tenants.ReceivedHeaders.ContainsKey(accepted), $"a 5 MB file must reach the service: {full.Status} {full.Body}");

            await using var another = await RawHttpConnection.OpenAsync(app.Port);
            var larger = await another.SendAsync("PUT", path, Headers(refused), KestrelGatewayApp.MaxEvidenceBytes + 1, chunked);
            Assert.True(larger.Status == 413, $"{larger.Status}: {larger.Body}");
            Assert.DoesNotContain(refused, app.Tenants.ReceivedHeaders.Keys);
            await AssertUsableOrClosedAsync(another, larger);
        }
    }

    /// <summary>A 413 that keeps the connection open must leave it able to serve the next request; otherwise it says
    /// Connection: close and closes it, so a client never writes its next request into a dead connection.</summary>
    private static async Task AssertUsableOrClosedAsync(RawHttpConnection connection, RawResponse refused)
    {
        if (refused.ClosesConnection)
        {
            Assert.True(await connection.ClosedByServerAsync(), "Connection: close, but the connection stays open");
            return;
        }
        var next = await connection.SendAsync("GET", "/health/live", [], 0, chunked: false);
        Assert.Equal((int)HttpStatusCode.OK, next.Status);
    }
}

/// <summary>The gateway on Kestrel with its production body limits (appsettings.json) and the Networks routes pointing at
/// the Tenants fixture, which records what reaches "the service" and takes bodies up to 5 MB as Networks' evidence
/// endpoint does.</summary>
public sealed class KestrelGatewayApp : GatewayApp
{
    /// <summary>Networks' EvidenceFile.MaxBytes, the networks-evidence-upload route's limit.</summary>
    public const int MaxEvidenceBytes = 5 * 1024 * 1024;

    public int Port { get; } = LocalInfrastructure.FreeLoopbackPort();

    protected override int? KestrelPort => Port;

    protected override IReadOnlyDictionary<string, string> TenantsSettings => new Dictionary<string, string>
    {
        ["Http:MaxRequestBodyBytes"] = MaxEvidenceBytes.ToString(),
    };

    protected override IReadOnlyDictionary<string, string> GatewaySettings => new Dictionary<string, string>
    {
        ["Services:Networks"] = Tenants.BaseAddress.ToString().TrimEnd('/'),
    };
}
