using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RedesPlataforma.Testing;

namespace RedesPlataforma.EndToEnd.Tests;

/// <summary>
/// A producer's erasure through the gateway, over the real services (issue 13, ADR 0028): afterwards no endpoint that
/// could show the person returns their DNI, name or phone, the tenant's and the national figures are what they were,
/// and asking again changes nothing.
/// </summary>
[Collection(LocalStackCollection.Name), ChangesTheDemoData] // registers a producer of its own
public sealed class ProducerErasureTests(LocalStack stack)
{
    [Fact]
    public async Task After_an_erasure_no_endpoint_returns_the_persons_data_and_no_figure_moves()
    {
        using var admin = await stack.SignedInAsync("admin@agrorural.demo.pe", stack.AgroRuralAdminPassword);
        using var national = await stack.SignedInAsync("unidad@redes.pe", stack.NationalPassword);
        var (dni, lastNames, phone) = (Random.Shared.Next(10_000_000, 99_999_999).ToString(), $"Quispe{Guid.NewGuid():N}"[..20], "+51 984 123 456");
        var registered = await admin.PostAsJsonAsync("api/producers", new
        {
            dni, firstNames = "Rosa Elvira", lastNames, gender = "Female", birthYear = 1979, districtCode = "080101", phone,
            consentGiven = true, consentDate = "2026-03-01",
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var id = (await registered.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        await ReportingHoldsAsync(admin, id);
        var (tenantBefore, nationalBefore) = (await FiguresAsync(admin, "api/reporting/dashboard"), await FiguresAsync(national, "api/reporting/national"));

        var erased = await admin.PostAsJsonAsync($"api/producers/{id}/erasure", new { reason = "Request" });
        var again = await admin.PostAsJsonAsync($"api/producers/{id}/erasure", new { reason = "Request" });

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await ReportingLearntAsync(admin, id);
        foreach (var url in new[]
        {
            $"api/producers/{id}", $"api/producers?search={dni}", $"api/producers?search={lastNames}", "api/producers?pageSize=100",
            "api/producers/export?format=csv", $"api/producers/{id}/personal-data", $"api/reporting/personal-data/producers/{id}",
        })
        {
            var response = await admin.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
            foreach (var personal in new[] { dni, lastNames, "Rosa Elvira", "984 123 456" })
                Assert.False(body.Contains(personal, StringComparison.OrdinalIgnoreCase), $"{url} still returns '{personal}'");
        }
        Assert.Equal(tenantBefore, await FiguresAsync(admin, "api/reporting/dashboard"));
        Assert.Equal(nationalBefore, await FiguresAsync(national, "api/reporting/national"));
    }

    /// <summary>Every figure of a dashboard: the summary and each table, suppression included.</summary>
    private static async Task<string> FiguresAsync(HttpClient client, string url) =>
        ReportingFiguresTests.Figures(await (await client.GetAsync(url)).ReadAsync<JsonElement>());

    private static Task ReportingHoldsAsync(HttpClient admin, Guid producer) =>
        EventuallyAsync(admin, producer, part => part.ValueKind == JsonValueKind.Object, "Reporting to hold the new producer");

    /// <summary>Reporting has applied the erasure: the person's cell moved to the anonymous key (ADR 0028).</summary>
    private static Task ReportingLearntAsync(HttpClient admin, Guid producer) =>
        EventuallyAsync(admin, producer, part => part.GetProperty("dniHashKeyVersion").GetString() == "erased", "Reporting to apply the erasure");

    private static async Task EventuallyAsync(HttpClient admin, Guid producer, Func<JsonElement, bool> holds, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var response = await admin.GetAsync($"api/reporting/personal-data/producers/{producer}");
            if (response.IsSuccessStatusCode && holds((await response.ReadAsync<JsonElement>()).GetProperty("producer"))) return;
            Assert.True(DateTime.UtcNow < deadline, $"waited 60 s for {what}");
            await Task.Delay(250);
        }
    }
}
