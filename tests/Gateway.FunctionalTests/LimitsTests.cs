using System.Net;
using System.Text;
using System.Text.Json;
using RedesPlataforma.Tenants.FunctionalTests;
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
        var oversized = Scenario.Application(Scenario.Unique("big")) with { InstitutionName = new string('a', LimitedGatewayApp.MaxRequestBodyBytes) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/onboarding/applications") { Content = JsonBody(oversized) };
        request.Headers.Add("X-Correlation-Id", correlationId);

        var refused = await client.SendAsync(request);

        await Problem.AssertAsync(refused, HttpStatusCode.RequestEntityTooLarge);
        Assert.DoesNotContain(correlationId, app.Tenants.ReceivedHeaders.Keys);
    }

    /// <summary>A body with a Content-Length, as browsers send a JSON form (JsonContent would stream it chunked).</summary>
    private static StringContent JsonBody<T>(T value)
    {
        var content = new StringContent(JsonSerializer.Serialize(value, Json.Options), Encoding.UTF8, "application/json");
        Assert.NotNull(content.Headers.ContentLength);
        return content;
    }
}
