using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RedesPlataforma.Testing;

namespace RedesPlataforma.EndToEnd.Tests;

/// <summary>
/// What the portal's build takes as given about the services: the OpenAPI documents its typed client is generated
/// from (portal/openapi/), and the region list its public pages carry (portal/src/shared/format/regions.ts).
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed partial class PortalContractTests(LocalStack stack)
{
    private static readonly string Portal = Path.Combine(LocalInfrastructure.RepositoryRoot, "portal");

    [Theory]
    [InlineData("tenants")]
    [InlineData("networks")]
    [InlineData("financing")]
    [InlineData("reporting")]
    public async Task The_committed_OpenAPI_document_is_what_the_service_serves(string service)
    {
        using var client = stack.Anonymous();
        var served = JsonNode.Parse(await client.GetStringAsync($"openapi/{service}.json"));
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Portal, "openapi", $"{service}.json")));

        Assert.True(JsonNode.DeepEquals(served, committed),
            $"portal/openapi/{service}.json differs from what the {service} service serves: run `bash portal/scripts/fetch-openapi.sh` against a running stack and rebuild the portal.");
    }

    [Fact]
    public async Task The_portals_region_list_is_the_platforms()
    {
        using var client = await stack.SignedInAsync("admin@agrorural.demo.pe", stack.AgroRuralAdminPassword);
        var served = (await client.GetFromJsonAsync<JsonElement>("api/places/regions"))
            .EnumerateArray().Select(r => (r.GetProperty("code").GetString()!, r.GetProperty("name").GetString()!)).Order().ToList();
        var source = await File.ReadAllTextAsync(Path.Combine(Portal, "src", "shared", "format", "regions.ts"));
        var portal = RegionEntry().Matches(source).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).Order().ToList();

        Assert.Equal(26, served.Count);
        Assert.Equal(served, portal);
    }

    [GeneratedRegex(@"\['(PE-[A-Z]{3})', '([^']+)'\]")]
    private static partial Regex RegionEntry();
}
