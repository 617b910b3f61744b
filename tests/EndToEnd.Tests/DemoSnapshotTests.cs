using System.Net;
using System.Text.Json;
using RedesPlataforma.Testing;

namespace RedesPlataforma.EndToEnd.Tests;

/// <summary>
/// The local demo, started and seeded by deploy/local/up.sh, read back through the gateway as its users would: the
/// published Agro Rural snapshot (DESIGN.md §7) in the tenant's own lists.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class DemoSnapshotTests(LocalStack stack)
{
    [Fact]
    public async Task Agro_Rural_sees_the_published_snapshot_in_its_own_lists_through_the_gateway()
    {
        using var admin = await stack.SignedInAsync("admin@agrorural.demo.pe", stack.AgroRuralAdminPassword);

        Assert.Equal(1_543, await TotalAsync(admin, "api/producers"));
        Assert.Equal(191, await TotalAsync(admin, "api/staff?role=Specialist&trained=true&active=true"));
        Assert.Equal(94, await TotalAsync(admin, "api/networks"));
        Assert.Equal(43, await TotalAsync(admin, "api/networks?womenLed=true"));
        foreach (var (chain, networks) in new[] { ("cuy", 35), ("dairy", 16), ("dairy-derivatives", 6), ("canihua", 4), ("quinoa", 4), ("granadilla", 4), ("mango", 4) })
            Assert.True(await TotalAsync(admin, $"api/networks?chain={chain}") == networks, $"{networks} {chain} networks");

        string[] regions = ["PE-CUS", "PE-PUN", "PE-APU", "PE-LIM", "PE-ANC", "PE-JUN", "PE-CAJ", "PE-HUC"];
        var perRegion = new List<int>();
        foreach (var region in regions) perRegion.Add(await TotalAsync(admin, $"api/networks?region={region}"));
        Assert.All(perRegion, count => Assert.True(count > 0));
        Assert.Equal(94, perRegion.Sum());
    }

    [Fact]
    public async Task The_national_unit_sees_both_institutions_but_no_producer_of_theirs()
    {
        using var national = await stack.SignedInAsync("unidad@redes.pe", stack.NationalPassword);

        var tenants = JsonDocument.Parse(await (await national.GetAsync("api/tenants?pageSize=100")).Content.ReadAsStringAsync()).RootElement;
        var slugs = tenants.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("slug").GetString()).ToList();
        Assert.Contains("agrorural", slugs);
        Assert.Contains("andina", slugs);
        Assert.Equal(HttpStatusCode.Forbidden, (await national.GetAsync("api/producers")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await national.GetAsync("api/networks")).StatusCode);
    }

    private static async Task<int> TotalAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url + (url.Contains('?') ? "&" : "?") + "pageSize=1");
        var page = await response.ReadAsync<JsonElement>();
        return page.GetProperty("totalCount").GetInt32();
    }
}
