using System.Net;
using System.Text;
using System.Text.Json;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Gateway.FunctionalTests;

public sealed class LimitsTests(LimitedGatewayApp app) : IClassFixture<LimitedGatewayApp>
{
    [Fact]
    public async Task A_tenant_over_its_rate_limit_gets_429_problems_with_retry_after_while_another_tenant_is_served()
    {
        var a = app.WithTokenOf((await app.Tenants.OnboardAsync()).Admin);
        var b = app.WithTokenOf((await app.Tenants.OnboardAsync()).Admin);

        var burstOfA = Task.WhenAll(Enumerable.Range(0, 30).Select(_ => a.GetAsync("/api/tenants/current")));
        var requestsOfB = Task.WhenAll(Enumerable.Range(0, 3).Select(_ => b.GetAsync("/api/tenants/current")));
        var (responsesOfA, responsesOfB) = (await burstOfA, await requestsOfB);

        Assert.All(responsesOfA, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.Contains(responsesOfA, r => r.StatusCode == HttpStatusCode.OK);
        var refused = responsesOfA.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.True(refused.Count >= 30 - LimitedGatewayApp.Burst - 10, $"Only {refused.Count} of 30 requests were refused.");
        foreach (var response in refused)
        {
            await Problem.AssertAsync(response, HttpStatusCode.TooManyRequests);
            Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {response.Headers.RetryAfter}");
        }

        Assert.All(responsesOfB, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync("/api/tenants/current")).StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_gateway_limit_gets_a_413_problem_and_never_reaches_the_service()
    {
        var client = app.Client();
        var accepted = await client.PostAsync("/api/onboarding/applications", JsonBody(Scenario.Application(Scenario.Unique("small"))));
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);

        var correlationId = Guid.NewGuid().ToString("N");
        var oversized = Scenario.Application(Scenario.Unique("big")) with { InstitutionName = new string('a', LimitedGatewayApp.RouteMaxRequestBodyBytes) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/onboarding/applications") { Content = JsonBody(oversized) };
        request.Headers.Add("X-Correlation-Id", correlationId);

        var refused = await client.SendAsync(request);

        await Problem.AssertAsync(refused, HttpStatusCode.RequestEntityTooLarge);
        Assert.DoesNotContain(correlationId, app.Tenants.ReceivedHeaders.Keys);
    }

    [Fact]
    public async Task A_route_with_its_own_body_limit_lets_a_larger_body_through_that_other_routes_refuse()
    {
        var client = app.Client();
        var body = LimitedGatewayApp.MaxRequestBodyBytes * 3;

        async Task<(HttpResponseMessage Response, bool Reached)> SendAsync(HttpMethod method, string url, int size)
        {
            var correlationId = Guid.NewGuid().ToString("N");
            var application = Scenario.Application(Scenario.Unique("big")) with { InstitutionName = new string('a', size) };
            using var request = new HttpRequestMessage(method, url) { Content = JsonBody(application) };
            request.Headers.Add("X-Correlation-Id", correlationId);
            var response = await client.SendAsync(request);
            return (response, app.Tenants.ReceivedHeaders.ContainsKey(correlationId));
        }

        var (larger, reached) = await SendAsync(HttpMethod.Post, "/api/onboarding/applications", body);
        Assert.True(reached, "the route's larger limit lets the body through to the service");
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, larger.StatusCode);

        var (elsewhere, reachedElsewhere) = await SendAsync(HttpMethod.Put, "/api/onboarding/applications/x", body);
        await Problem.AssertAsync(elsewhere, HttpStatusCode.RequestEntityTooLarge);
        Assert.False(reachedElsewhere);
    }

    /// <summary>A body with a Content-Length, as browsers send a JSON form (JsonContent would stream it chunked).</summary>
    private static StringContent JsonBody<T>(T value)
    {
        var content = new StringContent(JsonSerializer.Serialize(value, Json.Options), Encoding.UTF8, "application/json");
        Assert.NotNull(content.Headers.ContentLength);
        return content;
    }
}
