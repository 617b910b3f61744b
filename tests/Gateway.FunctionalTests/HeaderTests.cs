using System.Net;
using RedesPlataforma.Tenants.Institutions;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Gateway.FunctionalTests;

public sealed class HeaderTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    private const string CorrelationHeader = "X-Correlation-Id";

    [Fact]
    public async Task Client_tenant_headers_are_stripped_and_the_token_alone_chooses_the_tenant()
    {
        var a = await app.Tenants.OnboardAsync();
        var b = await app.Tenants.OnboardAsync();
        var correlationId = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tenants/current");
        request.Headers.Add(CorrelationHeader, correlationId);
        request.Headers.Add("X-Tenant-Id", b.TenantId.ToString());
        request.Headers.Add("X-Tenant", b.Slug);
        request.Headers.Add("TenantId", b.TenantId.ToString());
        request.Headers.Add("X-Tenant-Slug", b.Slug);
        request.Headers.Add("Forwarded", $"for=6.6.6.6;host={b.Slug}.test");
        request.Headers.Add("X-Forwarded-For", "6.6.6.6");

        var current = await (await app.WithTokenOf(a.Admin).SendAsync(request)).ReadAsync<TenantDto>();

        Assert.Equal(a.TenantId, current.Id);
        var received = app.Tenants.ReceivedHeaders[correlationId];
        Assert.Contains("Authorization", received.Keys);
        foreach (var header in new[] { "X-Tenant-Id", "X-Tenant", "TenantId", "X-Tenant-Slug", "Forwarded" })
            Assert.DoesNotContain(header, received.Keys);
        Assert.DoesNotContain("6.6.6.6", received.GetValueOrDefault("X-Forwarded-For") ?? "");
    }

    [Theory]
    [InlineData("/.well-known/openid-configuration", HttpStatusCode.OK)]              // proxied
    [InlineData("/api/tenants", HttpStatusCode.Unauthorized)]                         // refused by the gateway
    [InlineData("/health/live", HttpStatusCode.OK)]                                   // the gateway's own endpoint
    public async Task Responses_carry_nosniff_deny_a_content_security_policy_and_a_correlation_id(string path, HttpStatusCode status)
    {
        var response = await app.Client().GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Matches("^[0-9a-f]{32}$", Header(response, CorrelationHeader));
    }

    [Fact]
    public async Task A_valid_correlation_id_is_echoed_and_forwarded_to_the_service()
    {
        var correlationId = $"portal.web_{Guid.NewGuid():N}-1";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        request.Headers.Add(CorrelationHeader, correlationId);

        var response = await app.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(correlationId, Header(response, CorrelationHeader));
        Assert.Equal(correlationId, app.Tenants.ReceivedHeaders[correlationId][CorrelationHeader]);
    }

    [Fact]
    public async Task The_correlation_ids_the_gateway_makes_differ_from_request_to_request()
    {
        var first = Header(await app.Client().GetAsync("/health/live"), CorrelationHeader);
        var second = Header(await app.Client().GetAsync("/health/live"), CorrelationHeader);

        Assert.Matches("^[0-9a-f]{32}$", second);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task No_trace_is_forwarded_to_the_services_when_no_tracer_records_one()
    {
        // ASP.NET Core's request logging would start an Activity per request, which the proxy then sends on as
        // traceparent: work on every request that nothing reads without an OTLP exporter (docs/decisions/0039).
        var correlationId = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        request.Headers.Add(CorrelationHeader, correlationId);

        var response = await app.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("traceparent", app.Tenants.ReceivedHeaders[correlationId].Keys, StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("has spaces and ; semicolons")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789")] // 70 characters
    public async Task An_invalid_correlation_id_is_replaced_by_a_new_one(string invalid)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        request.Headers.TryAddWithoutValidation(CorrelationHeader, invalid);

        var response = await app.Client().SendAsync(request);

        var replaced = Header(response, CorrelationHeader);
        Assert.NotEqual(invalid, replaced);
        Assert.Matches("^[0-9a-f]{32}$", replaced);
        Assert.Equal(replaced, app.Tenants.ReceivedHeaders[replaced][CorrelationHeader]);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : throw new Xunit.Sdk.XunitException($"{name} missing on {(int)response.StatusCode} {response.RequestMessage?.RequestUri}");
}
