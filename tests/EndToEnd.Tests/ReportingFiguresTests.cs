using System.Net;
using System.Text.Json;
using RedesPlataforma.Testing;

namespace RedesPlataforma.EndToEnd.Tests;

/// <summary>
/// The seed reproduced by the Reporting service from events alone (issue 5): Agro Rural's own dashboard shows the
/// published snapshot, and the national dashboard shows Agro Rural's figures with Andina added in the totals.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class ReportingFiguresTests(LocalStack stack)
{
    private const string Total = "total";

    [Fact]
    public async Task Agro_Rurals_dashboard_shows_the_published_snapshot()
    {
        using var admin = await stack.SignedInAsync("admin@agrorural.demo.pe", stack.AgroRuralAdminPassword);

        var dashboard = await SettledAsync(admin, "api/reporting/dashboard", d => Value(d.GetProperty("summary"), Total, "producers") == 1_543);

        var summary = dashboard.GetProperty("summary");
        Assert.Equal([191m, 191m, 1_543m, 94m, 43m], Values(summary, Total, "specialists", "specialists_trained", "producers", "networks", "networks_women_led"));
        Assert.Equal(46m, Math.Round(100m * Value(summary, Total, "networks_women_led")!.Value / Value(summary, Total, "networks")!.Value));
        Assert.Equal([3_200_000m, 32m], CoFinancing(summary, Total));

        var chains = Table(dashboard, "value-chains");
        foreach (var (chain, networks) in new[] { ("cuy", 35m), ("dairy", 16m), ("dairy-derivatives", 6m), ("canihua", 4m), ("quinoa", 4m), ("granadilla", 4m), ("mango", 4m) })
            Assert.True(Value(chains, chain, "networks") == networks, $"{networks} {chain} networks");
        var regions = Table(dashboard, "regions");
        Assert.Equal(["PE-ANC", "PE-APU", "PE-CAJ", "PE-CUS", "PE-HUC", "PE-JUN", "PE-LIM", "PE-PUN"], Keys(regions).Order());
    }

    [Fact]
    public async Task The_national_dashboard_shows_Agro_Rural_and_adds_Andina_in_the_totals()
    {
        using var national = await stack.SignedInAsync("unidad@redes.pe", stack.NationalPassword);
        using var andinaAdmin = await stack.SignedInAsync("admin@andina.demo.pe", stack.AndinaAdminPassword);
        var andina = (await SettledAsync(andinaAdmin, "api/reporting/dashboard", d => Value(d.GetProperty("summary"), Total, "networks") > 0)).GetProperty("summary");
        var (andinaProducers, andinaNetworks) = (Value(andina, Total, "producers")!.Value, Value(andina, Total, "networks")!.Value);

        var dashboard = await SettledAsync(national, "api/reporting/national",
            d => Value(d.GetProperty("summary"), Total, "producers") == 1_543 + andinaProducers && Value(d.GetProperty("summary"), Total, "networks") == 94 + andinaNetworks);

        var institutions = Table(dashboard, "institutions");
        var agroRural = institutions.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("label").GetString()!.Contains("AGRO RURAL")).GetProperty("key").GetString()!;
        Assert.Equal([191m, 191m, 1_543m, 94m], Values(institutions, agroRural, "specialists", "specialists_trained", "producers", "networks"));
        Assert.Equal([3_200_000m, 32m], CoFinancing(institutions, agroRural));
        Assert.Equal(2m, Value(dashboard.GetProperty("summary"), Total, "institutions"));
        Assert.Equal(8, Keys(Table(dashboard, "regions")).Count(region => region.StartsWith("PE-")));
        // Andina has fewer than 3 women-led networks: its cell is hidden, and so is Agro Rural's, which would give it away.
        Assert.Null(Value(institutions, agroRural, "networks_women_led"));
        Assert.Equal(HttpStatusCode.Forbidden, (await andinaAdmin.GetAsync("api/reporting/national")).StatusCode);
    }

    [Fact]
    public async Task A_rebuild_through_the_gateway_clears_the_read_models_and_the_services_republish_the_same_figures()
    {
        using var national = await stack.SignedInAsync("unidad@redes.pe", stack.NationalPassword);
        var before = await SettledAsync(national, "api/reporting/national", d => Value(d.GetProperty("summary"), Total, "producers") >= 1_543);
        var expected = Figures(before);

        var rebuild = await national.PostAsync("api/reporting/rebuild", null);

        Assert.Equal(HttpStatusCode.Accepted, rebuild.StatusCode);
        var after = await SettledAsync(national, "api/reporting/national", d => Figures(d) == expected);
        Assert.Equal(expected, Figures(after));
    }

    /// <summary>Every table's values, as one comparable string (labels and suppression included).</summary>
    internal static string Figures(JsonElement dashboard) =>
        string.Join("\n", new[] { dashboard.GetProperty("summary") }.Concat(dashboard.GetProperty("tables").EnumerateArray())
            .SelectMany(t => t.GetProperty("rows").EnumerateArray().Append(t.GetProperty("total")))
            .Select(r => r.GetRawText()));

    /// <summary>Reporting catches up with the seed's events within seconds; wait until the figures are there.</summary>
    private static async Task<JsonElement> SettledAsync(HttpClient client, string url, Func<JsonElement, bool> settled)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var dashboard = await (await client.GetAsync(url)).ReadAsync<JsonElement>();
            if (settled(dashboard)) return dashboard;
            if (DateTime.UtcNow > deadline) return dashboard; // the assertions then say what is missing
            await Task.Delay(500);
        }
    }

    private static decimal?[] CoFinancing(JsonElement table, string row)
    {
        var funds = Value(table, row, "programme_funds_approved");
        var contribution = Value(table, row, "network_contribution_approved");
        return [funds + contribution, Value(table, row, "contribution_share_percent")];
    }

    private static JsonElement Table(JsonElement dashboard, string name) =>
        dashboard.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == name);

    private static IEnumerable<string> Keys(JsonElement table) =>
        table.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("key").GetString()!);

    private static decimal?[] Values(JsonElement table, string row, params string[] figures) => [.. figures.Select(f => Value(table, row, f))];

    private static decimal? Value(JsonElement table, string row, string figure)
    {
        var column = table.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("key").GetString()).ToList().IndexOf(figure);
        Assert.True(column >= 0, $"no figure {figure}");
        var rows = row == Total ? [table.GetProperty("total")] : table.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("key").GetString() == row).ToList();
        Assert.True(rows.Count == 1, $"no row {row}");
        var value = rows[0].GetProperty("values")[column];
        return value.ValueKind == JsonValueKind.Null ? null : value.GetDecimal();
    }
}
