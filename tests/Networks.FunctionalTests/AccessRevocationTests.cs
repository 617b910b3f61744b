using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using RedesPlataforma.Tenants.Accounts;
using RedesPlataforma.Tenants.Staff;
using RedesPlataforma.Testing;
using Xunit.Abstractions;

namespace RedesPlataforma.Networks.FunctionalTests;

/// <summary>
/// An access token issued before a deactivation, a role change, a password change or a sign-out stops working in
/// another service (Networks) and in the Tenants service within five seconds, not at its expiry (issue 16, item 7).
/// </summary>
[Collection(NetworksHost.Name)]
public sealed class AccessRevocationTests(NetworksApp app, ITestOutputHelper output)
{
    private const string NewPassword = "Otra-Clave-Segura-2027!";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData("deactivation")]
    [InlineData("role change")]
    [InlineData("password change")]
    [InlineData("sign-out")]
    public async Task A_token_issued_before_the_change_gets_a_401_problem_in_every_service_within_5_seconds(string change)
    {
        var tenant = await app.Tenants.OnboardAsync();
        var staff = await tenant.CreateStaffAsync("Specialist");
        var token = (await app.Tenants.CreateClient().SignInAsync(staff.Email, staff.Password)).AccessToken;
        var networks = app.CreateClient().Authorize(token);
        Assert.Equal(HttpStatusCode.OK, (await networks.GetAsync("/api/producers")).StatusCode);

        var watch = Stopwatch.StartNew();
        var password = await ChangeAsync(change, tenant, staff, app.Tenants.CreateClient().Authorize(token));
        var refused = await FirstRefusalAsync(networks);
        output.WriteLine($"{change}: refused by Networks {watch.ElapsedMilliseconds} ms after the change was answered");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await FirstRefusalAsync(app.Tenants.CreateClient().Authorize(token), "/api/account/me")).StatusCode);
        Assert.True(watch.Elapsed <= Limit, $"{watch.ElapsedMilliseconds} ms");

        // A token issued after the change is not caught by it.
        if (password is not null)
            Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync(staff.Email, password)).GetAsync("/api/producers")).StatusCode);
    }

    /// <summary>The change through the Tenants service; the password the person signs in with afterwards, if they still can.</summary>
    private static async Task<string?> ChangeAsync(string change, OnboardedTenant tenant, CreatedStaff staff, HttpClient own)
    {
        switch (change)
        {
            case "deactivation":
                (await tenant.Admin.PostAsync($"/api/staff/{staff.Id}/deactivate", null)).EnsureSuccessStatusCode();
                return null;
            case "role change":
                (await tenant.Admin.PutAsJsonAsync($"/api/staff/{staff.Id}/roles", new RolesRequest(["Viewer"]))).EnsureSuccessStatusCode();
                return staff.Password;
            case "password change":
                (await own.PostAsJsonAsync("/api/account/password", new ChangePasswordRequest(staff.Password, NewPassword))).EnsureSuccessStatusCode();
                return NewPassword;
            default:
                (await own.PostAsync("/api/account/logout", null)).EnsureSuccessStatusCode();
                return staff.Password;
        }
    }

    /// <summary>The first answer that is not a 200, asking every 50 ms for a little longer than the limit.</summary>
    private static async Task<HttpResponseMessage> FirstRefusalAsync(HttpClient client, string url = "/api/producers")
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK || deadline.Elapsed > Limit + TimeSpan.FromSeconds(5)) return response;
            await Task.Delay(50);
        }
    }
}
