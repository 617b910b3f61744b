using System.Net;
using System.Net.Http.Headers;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Gateway.FunctionalTests;

/// <summary>
/// The evidence upload route (PUT /api/networks/{id}/evidence/{id}) through the gateway: a 5 MB file reaches the
/// Networks service, a larger one gets the gateway's 413 problem before any byte is forwarded (not a 502 when the
/// service hangs up), and the service's sandbox policy on the files it serves survives the gateway's own.
/// The "Networks service" here is the Tenants fixture, which records what reaches it.
/// </summary>
public sealed class EvidenceRouteTests(NetworksRoutedGatewayApp app) : IClassFixture<NetworksRoutedGatewayApp>
{
    /// <summary>Networks' EvidenceFile.MaxBytes.</summary>
    const int MaxEvidenceBytes = 5 * 1024 * 1024;

    async Task<(HttpResponseMessage Response, bool Reached)> UploadAsync(HttpClient client, int size)
    {
        var correlationId = Guid.NewGuid().ToString("N");
        var content = new ByteArrayContent(new byte[size]);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/networks/{Guid.NewGuid()}/evidence/{Guid.NewGuid()}?fileName=acta.jpg") { Content = content };
        request.Headers.Add("X-Correlation-Id", correlationId);
        var response = await client.SendAsync(request);
        return (response, app.Tenants.ReceivedHeaders.ContainsKey(correlationId));
    }

    [Fact]
    public async Task A_five_megabyte_file_reaches_the_service_and_a_larger_one_gets_a_413_problem_from_the_gateway()
    {
        var client = app.WithTokenOf((await app.Tenants.OnboardAsync()).Admin);

        var (full, reached) = await UploadAsync(client, MaxEvidenceBytes);
        // What the stand-in service answers is its own business (it keeps the 1 MB default, so it reads the file and
        // refuses it); the gateway let the whole file through to it.
        Assert.True(reached, $"a 5 MB file must reach the service: {(int)full.StatusCode}");

        var (larger, reachedLarger) = await UploadAsync(client, 6 * 1024 * 1024);
        await Problem.AssertAsync(larger, HttpStatusCode.RequestEntityTooLarge);
        Assert.False(reachedLarger);
    }

    [Fact]
    public async Task A_proxied_services_own_content_security_policy_is_kept_beside_the_gateways()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        request.Headers.Add(KestrelTenantsApp.RespondWithPolicyHeader, "sandbox; default-src 'none'");

        var response = await app.Client().SendAsync(request);

        var policies = response.Headers.GetValues("Content-Security-Policy").ToList();
        Assert.Contains(policies, p => p.Contains("sandbox"));
        Assert.Contains(policies, p => p.Contains("frame-ancestors 'none'"));
    }
}

/// <summary>The gateway with the Networks routes pointing at the Tenants fixture, to see what reaches "the service".</summary>
public sealed class NetworksRoutedGatewayApp : GatewayApp
{
    protected override IReadOnlyDictionary<string, string> GatewaySettings => new Dictionary<string, string>
    {
        ["Services:Networks"] = Tenants.BaseAddress.ToString().TrimEnd('/'),
    };
}
