using System.Net;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Gateway.FunctionalTests;

public sealed class UnavailableKeysTests(KeylessGatewayApp app) : IClassFixture<KeylessGatewayApp>
{
    [Fact]
    public async Task A_token_that_cannot_be_checked_for_want_of_keys_gets_a_503_to_retry_not_a_401()
    {
        var tenant = await app.Tenants.OnboardAsync();
        var client = app.WithTokenOf(tenant.Admin);

        var response = await client.GetAsync("/api/tenants/current");

        await Problem.AssertAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        await Problem.AssertAsync(await app.Client().GetAsync("/api/tenants/current"), HttpStatusCode.Unauthorized);
    }
}
