using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using RedesPlataforma.Testing;
using Xunit.Abstractions;

namespace RedesPlataforma.EndToEnd.Tests;

/// <summary>
/// Revocation across real processes (issue 16, item 7): a person's access token, used through the gateway, stops
/// working in all four services within five seconds of a deactivation, a role change, a password change or a
/// sign-out. The delay is measured from the change's answer to the last service's first 401, and printed.
/// </summary>
[Collection(LocalStackCollection.Name)]
[ChangesTheDemoData]
public sealed class AccessRevocationTests(LocalStack stack, ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);
    private static readonly string[] OneEndpointPerService = ["api/account/me", "api/producers", "api/business-plans", "api/reporting/dashboard"];

    [Fact]
    public async Task Access_ends_in_every_service_within_5_seconds_of_each_kind_of_revocation()
    {
        using var admin = await stack.SignedInAsync("admin@andina.demo.pe", stack.AndinaAdminPassword);
        var changes = new[] { "deactivation", "role change", "password change", "sign-out" };
        var delays = new List<TimeSpan>();

        foreach (var change in changes.Concat(changes))
        {
            var email = $"revocada-{Guid.NewGuid():N}"[..21] + "@andina.demo.pe";
            var created = await (await admin.PostAsJsonAsync("api/staff", new
            {
                fullName = "Rosa Revocada Quispe", email, initialPassword = stack.StaffPassword, roles = new[] { "Supervisor" }, regions = Array.Empty<string>(),
            })).ReadAsync<Created>();
            using var person = await stack.SignedInAsync(email, stack.StaffPassword);
            foreach (var url in OneEndpointPerService)
                Assert.True((await person.GetAsync(url)).StatusCode == HttpStatusCode.OK, url);

            var watch = Stopwatch.StartNew();
            (await (change switch
            {
                "deactivation" => admin.PostAsync($"api/staff/{created.Id}/deactivate", null),
                "role change" => admin.PutAsJsonAsync($"api/staff/{created.Id}/roles", new { roles = new[] { "Viewer" } }),
                "password change" => person.PostAsJsonAsync("api/account/password", new { currentPassword = stack.StaffPassword, newPassword = stack.StaffPassword + "2" }),
                _ => person.PostAsync("api/account/logout", null),
            })).EnsureSuccessStatusCode();
            var answered = watch.Elapsed;
            await Task.WhenAll(OneEndpointPerService.Select(url => UntilRefusedAsync(person, url)));
            var delay = watch.Elapsed - answered;
            delays.Add(delay);
            output.WriteLine($"{change}: refused by all four services {delay.TotalMilliseconds:0} ms after the change was answered");
        }

        var sorted = delays.Order().ToList();
        output.WriteLine($"revocation delay over {sorted.Count} changes: p50 {sorted[sorted.Count / 2].TotalMilliseconds:0} ms, max {sorted[^1].TotalMilliseconds:0} ms");
        Assert.All(delays, d => Assert.True(d <= Limit, $"{d.TotalMilliseconds:0} ms"));
    }

    /// <summary>
    /// Four of these at once, each asking every 100 ms, stay under the gateway's 50 requests a second per tenant (at
    /// 25 ms they met its 429 once the stack answered quickly); 100 ms is still a fiftieth of the limit judged.
    /// </summary>
    private static async Task UntilRefusedAsync(HttpClient person, string url)
    {
        var watch = Stopwatch.StartNew();
        HttpResponseMessage response;
        while ((response = await person.GetAsync(url)).StatusCode == HttpStatusCode.OK && watch.Elapsed < Limit + Limit)
            await Task.Delay(100);
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{url}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private sealed record Created(Guid Id);
}
