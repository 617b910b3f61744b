using System.Net;

namespace RedesPlataforma.Gateway.FunctionalTests;

/// <summary>The client's address, which anonymous rate limiting partitions by, behind a proxy and in front of none.</summary>
public sealed class ForwardingTests(ProxiedGatewayApp app) : IClassFixture<ProxiedGatewayApp>
{
    private const int Requests = 2 * ProxiedGatewayApp.AnonymousPerMinute;

    [Fact]
    public async Task Clients_behind_the_trusted_proxy_each_get_their_own_anonymous_rate_limit_from_X_Forwarded_For()
    {
        var first = await StatusesAsync(from: ProxiedGatewayApp.TrustedProxy, forwardedFor: _ => "203.0.113.10");
        var second = await StatusesAsync(from: ProxiedGatewayApp.TrustedProxy, forwardedFor: _ => "203.0.113.20");

        Assert.Contains(HttpStatusCode.TooManyRequests, first);
        Assert.Equal(ProxiedGatewayApp.AnonymousPerMinute, second.Count(s => s == HttpStatusCode.OK));
    }

    [Fact]
    public async Task A_client_connecting_directly_cannot_pick_its_address_and_escape_the_limit_with_X_Forwarded_For()
    {
        var statuses = await StatusesAsync(from: "198.51.100.7", forwardedFor: i => $"192.0.2.{i + 1}");

        Assert.Equal(ProxiedGatewayApp.AnonymousPerMinute, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(Requests - ProxiedGatewayApp.AnonymousPerMinute, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    /// <summary>Requests one after another from a connection at <paramref name="from"/>, the i-th claiming <paramref name="forwardedFor"/>(i).</summary>
    private async Task<List<HttpStatusCode>> StatusesAsync(string from, Func<int, string> forwardedFor)
    {
        using var client = app.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Requests; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
            request.Headers.Add(GatewayApp.ConnectionAddressHeader, from);
            request.Headers.Add("X-Forwarded-For", forwardedFor(i));
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }
        return statuses;
    }
}
