using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RedesPlataforma.Testing;
using static Microsoft.Playwright.Assertions;

namespace RedesPlataforma.EndToEnd.Tests;

/// <summary>
/// The web portal the gateway serves, driven in Debian's Chromium as a person would use it: sign in with email and
/// password, read the dashboard the account is entitled to, download a table. Assertions read what the page shows
/// (headings, table captions, row and column headers, cell text, alerts), never the portal's code.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed partial class PortalTests(LocalStack stack, Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private const string AgroRuralAdmin = "admin@agrorural.demo.pe";
    private const string AgroRuralName = "Programa de Desarrollo Productivo Agrario Rural - AGRO RURAL";
    private const string AndinaName = "Asociación Andina para el Desarrollo Rural";

    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _page = await chromium.NewPageAsync();
        // The first dashboard is computed while the stack is still warm from the seed; give it more than the default 5 s.
        SetDefaultExpectTimeout(20_000);
    }

    public async Task DisposeAsync() => await _page.Context.CloseAsync();

    [Fact]
    public async Task Agro_Rurals_admin_signs_in_and_sees_the_published_snapshot_on_the_dashboard()
    {
        await SettledAsync(AgroRuralAdmin, stack.AgroRuralAdminPassword, "api/reporting/dashboard", producers: 1_543);

        await SignInAsync(AgroRuralAdmin, stack.AgroRuralAdminPassword);

        await Expect(_page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"Panel de {AgroRuralName}");
        var summary = Table("Resumen");
        await Expect(Cell(summary, "Productores Producers", column: 1)).ToHaveTextAsync("1,543");
        await Expect(Cell(summary, "Redes Networks", column: 1)).ToHaveTextAsync("94");
        await Expect(Cell(summary, "Redes lideradas por mujeres Women-led networks", column: 1)).ToHaveTextAsync("43");
        await Expect(Cell(summary, "Especialistas capacitados Trained specialists", column: 1)).ToHaveTextAsync("191");
        // S/ 3.2 M approved: 2,176,000.00 of programme funds and 1,024,000.00 (32 %) from the networks.
        await Expect(Cell(summary, "Fondos del programa aprobados (S/) Programme funds approved (PEN)", column: 1)).ToHaveTextAsync("2,176,000.00");
        await Expect(Cell(summary, "Aporte de las redes aprobado (S/) Network contribution approved (PEN)", column: 1)).ToHaveTextAsync("1,024,000.00");
        await Expect(Cell(summary, "Participación del aporte de las redes (%) Network contribution share (%)", column: 1)).ToHaveTextAsync("32");

        var chains = Table("Por cadena de valor");
        var networks = await ColumnAsync(chains, "Redes Networks");
        foreach (var (chain, count) in new[] { ("cuy", "35"), ("dairy", "16"), ("dairy-derivatives", "6"), ("canihua", "4"), ("quinoa", "4"), ("granadilla", "4"), ("mango", "4") })
            await Expect(Cell(chains, chain, networks)).ToHaveTextAsync(count);
        await Expect(Cell(chains, "Total", networks)).ToHaveTextAsync("94");

        var regions = Table("Por región");
        await Expect(regions.Locator("tbody tr")).ToHaveCountAsync(8);
        await Expect(Cell(regions, "Total", await ColumnAsync(regions, "Productores Producers"))).ToHaveTextAsync("1,543");
        await Expect(Table("Por fase")).ToBeVisibleAsync();

        await _page.GetByRole(AriaRole.Button, new() { Name = "Cerrar sesión" }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Iniciar sesión" })).ToBeVisibleAsync();
        await Expect(_page.GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_national_unit_sees_both_institutions_with_a_suppressed_cell_marked_and_explained()
    {
        await SettledAsync("unidad@redes.pe", stack.NationalPassword, "api/reporting/national", producers: 1_543, institutions: 2);

        await SignInAsync("unidad@redes.pe", stack.NationalPassword);

        await Expect(_page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Cifras nacionales");
        var institutions = Table("Por institución");
        await Expect(institutions.GetByRole(AriaRole.Rowheader, new() { Name = AgroRuralName })).ToBeVisibleAsync();
        await Expect(institutions.GetByRole(AriaRole.Rowheader, new() { Name = AndinaName })).ToBeVisibleAsync();
        await Expect(Cell(institutions, AgroRuralName, await ColumnAsync(institutions, "Productores Producers"))).ToHaveTextAsync("1,543");
        await Expect(Cell(institutions, AgroRuralName, await ColumnAsync(institutions, "Redes Networks"))).ToHaveTextAsync("94");

        // Andina has fewer than 3 women-led networks, so its cell is hidden, and Agro Rural's with it (it would give Andina's away).
        var womenLed = Cell(institutions, AgroRuralName, await ColumnAsync(institutions, "Redes lideradas por mujeres Women-led networks"));
        await Expect(womenLed).ToHaveTextAsync("*");
        await Expect(womenLed).ToHaveAccessibleDescriptionAsync(new Regex("^\\* Celda suprimida: su cifra se basa en menos de 5 productores o 3 redes"));
        await Expect(_page.GetByText("Celda suprimida: su cifra se basa en menos de 5 productores o 3 redes")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_wrong_password_shows_the_error_and_no_dashboard()
    {
        await SignInAsync("admin@andina.demo.pe", "not-the-password-1A");

        await Expect(_page.GetByRole(AriaRole.Alert)).ToContainTextAsync("El correo o la contraseña son incorrectos.");
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Iniciar sesión" })).ToBeVisibleAsync();
        await Expect(_page.GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
        await Expect(_page.GetByRole(AriaRole.Button, new() { Name = "Cerrar sesión" })).ToBeHiddenAsync();
        await Expect(_page.GetByLabel("Contraseña")).ToBeEmptyAsync();
    }

    [Fact]
    public async Task A_tables_CSV_link_downloads_the_table_with_the_bearer_token()
    {
        await SettledAsync(AgroRuralAdmin, stack.AgroRuralAdminPassword, "api/reporting/dashboard", producers: 1_543);
        await SignInAsync(AgroRuralAdmin, stack.AgroRuralAdminPassword);
        var regions = _page.GetByRole(AriaRole.Region, new() { Name = "Por región" });

        var download = await _page.RunAndWaitForDownloadAsync(() => regions.GetByRole(AriaRole.Link, new() { Name = "CSV" }).ClickAsync());

        Assert.Matches(@"^regions-\d{8}-\d{4}\.csv$", download.SuggestedFilename);
        var lines = (await File.ReadAllLinesAsync((await download.PathAsync())!)).Select(l => l.TrimStart('\uFEFF')).ToList();
        Assert.StartsWith("region,label,producers,", lines[0]);
        Assert.Equal(10, lines.Count); // header, 8 regions, total
        Assert.StartsWith("total,Total,1543,", lines[^1]);
        Assert.Contains(lines, l => l.StartsWith("PE-CUS,"));
    }

    private async Task SignInAsync(string email, string password)
    {
        await _page.GotoAsync(stack.Gateway.ToString());
        await _page.GetByLabel("Correo electrónico").FillAsync(email);
        await _page.GetByLabel("Contraseña").FillAsync(password);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Ingresar" }).ClickAsync();
    }

    /// <summary>A table by its caption (Spanish first, so a prefix of it).</summary>
    private ILocator Table(string caption) => _page.GetByRole(AriaRole.Table, new() { Name = caption });

    /// <summary>The position of a column among the table's header cells (the row header's column is 0).</summary>
    private static async Task<int> ColumnAsync(ILocator table, string header)
    {
        await Expect(table).ToBeVisibleAsync();
        var headers = (await table.Locator("thead th").AllInnerTextsAsync()).Select(Normalize).ToList();
        var column = headers.IndexOf(header);
        Assert.True(column > 0, $"no column '{header}' in [{string.Join(" | ", headers)}]");
        return column;
    }

    /// <summary>The cell in the row whose header is exactly <paramref name="rowHeader"/>, at <paramref name="column"/>.</summary>
    private static ILocator Cell(ILocator table, string rowHeader, int column) =>
        table.Locator("tr")
            .Filter(new() { Has = table.Page.GetByRole(AriaRole.Rowheader, new() { Name = rowHeader, Exact = true }) })
            .Locator("th, td").Nth(column);

    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>Reporting catches up with the seed's events (and with the rebuild test) within seconds: wait for it through the API first.</summary>
    private async Task SettledAsync(string email, string password, string url, int producers, int? institutions = null)
    {
        using var client = await stack.SignedInAsync(email, password);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            var summary = (await (await client.GetAsync(url)).ReadAsync<JsonElement>()).GetProperty("summary");
            if (Total(summary, "producers") >= producers && (institutions is null || Total(summary, "institutions") == institutions)) return;
            await Task.Delay(500);
        }
    }

    private static decimal? Total(JsonElement table, string figure)
    {
        var column = table.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("key").GetString()).ToList().IndexOf(figure);
        var value = table.GetProperty("total").GetProperty("values")[column];
        return value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
