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
public sealed partial class PortalTests(LocalStack stack, Chromium chromium) : BrowserTest(chromium)
{
    private const string AgroRuralAdmin = "admin@agrorural.demo.pe";
    private const string AgroRuralName = "Programa de Desarrollo Productivo Agrario Rural - AGRO RURAL";
    private const string AndinaName = "Asociación Andina para el Desarrollo Rural";

    private IPage _page = null!;

    public override async Task InitializeAsync()
    {
        _page = await NewPageAsync();
        // The first dashboard is computed while the stack is still warm from the seed; give it more than the default 5 s.
        SetDefaultExpectTimeout(20_000);
    }

    [Fact]
    public async Task Agro_Rurals_admin_signs_in_and_sees_the_published_snapshot_on_the_dashboard()
    {
        await stack.SettledAsync(AgroRuralAdmin, stack.AgroRuralAdminPassword, "api/reporting/dashboard", producers: 1_543);

        await _page.SignInAsync(stack, AgroRuralAdmin, stack.AgroRuralAdminPassword);
        await _page.GetByRole(AriaRole.Navigation, new() { Name = "Navegación principal" }).GetByRole(AriaRole.Link, new() { Name = "Panel" }).ClickAsync();

        await Expect(_page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Panel de la institución");
        await Expect(_page.GetByText(AgroRuralName).First).ToBeVisibleAsync();
        var summary = Table("Resumen");
        await Expect(Cell(summary, "Productores", column: 1)).ToHaveTextAsync("1,543");
        await Expect(Cell(summary, "Redes", column: 1)).ToHaveTextAsync("94");
        await Expect(Cell(summary, "Redes lideradas por mujeres", column: 1)).ToHaveTextAsync("43");
        await Expect(Cell(summary, "Especialistas capacitados", column: 1)).ToHaveTextAsync("191");
        // S/ 3.2 M approved: 2,176,000.00 of programme funds and 1,024,000.00 (32 %) from the networks.
        await Expect(Cell(summary, "Fondos del programa aprobados (S/)", column: 1)).ToHaveTextAsync("S/ 2,176,000.00");
        await Expect(Cell(summary, "Aporte de las redes aprobado (S/)", column: 1)).ToHaveTextAsync("S/ 1,024,000.00");
        await Expect(Cell(summary, "Participación del aporte de las redes (%)", column: 1)).ToHaveTextAsync("32%");

        // Value chains by their Spanish names, not their codes.
        var chains = Table("Por cadena de valor");
        var networks = await ColumnAsync(chains, "Redes");
        foreach (var (chain, count) in new[] { ("Cuy", "35"), ("Leche", "16"), ("Derivados lácteos", "6"), ("Cañihua", "4"), ("Quinua", "4"), ("Granadilla", "4"), ("Mango", "4") })
            await Expect(Cell(chains, chain, networks)).ToHaveTextAsync(count);
        await Expect(chains.Locator("tfoot td").Nth(networks - 1)).ToHaveTextAsync("94");

        var regions = Table("Por región");
        await Expect(regions.Locator("tbody tr")).ToHaveCountAsync(8);
        await Expect(regions.Locator("tfoot td").Nth(await ColumnAsync(regions, "Productores") - 1)).ToHaveTextAsync("1,543");
        await Expect(Table("Por fase")).ToBeVisibleAsync();
        await Expect(_page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^Redes por cadena de valor\\..* Cuy: 35;") })).ToBeVisibleAsync();
        await Expect(_page.GetByText("Límites: Instituto Nacional de Estadística e Informática (INEI), IDE-INEI, actualización 2023 – CC BY 4.0")).ToBeVisibleAsync();

        await _page.SignOutAsync();
        await Expect(_page.GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_national_unit_sees_both_institutions_with_a_suppressed_cell_marked_and_explained()
    {
        await stack.SettledAsync("unidad@redes.pe", stack.NationalPassword, "api/reporting/national", producers: 1_543, institutions: 2);

        await _page.SignInAsync(stack, "unidad@redes.pe", stack.NationalPassword, from: "/nacional/cifras");

        await Expect(_page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cifras nacionales");
        var institutions = Table("Por institución");
        await Expect(institutions.GetByRole(AriaRole.Rowheader, new() { Name = AgroRuralName })).ToBeVisibleAsync();
        await Expect(institutions.GetByRole(AriaRole.Rowheader, new() { Name = AndinaName })).ToBeVisibleAsync();
        await Expect(Cell(institutions, AgroRuralName, await ColumnAsync(institutions, "Productores"))).ToHaveTextAsync("1,543");
        await Expect(Cell(institutions, AgroRuralName, await ColumnAsync(institutions, "Redes"))).ToHaveTextAsync("94");

        // Andina has fewer than 3 women-led networks, so its cell is hidden, and Agro Rural's with it (it would give Andina's away).
        var womenLed = Cell(institutions, AgroRuralName, await ColumnAsync(institutions, "Redes lideradas por mujeres"));
        await Expect(womenLed).ToHaveTextAsync(new Regex("^\\*\\s*suprimido$"));
        await Expect(_page.GetByText(new Regex("Una celda suprimida se basa en menos de 5 productores o 3 redes"))).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_wrong_password_shows_the_error_and_no_session()
    {
        await _page.SignInAsync(stack, "admin@andina.demo.pe", "not-the-password-1A");

        await Expect(_page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("El correo o la contraseña son incorrectos.");
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Iniciar sesión" })).ToBeVisibleAsync();
        await Expect(_page.GetByLabel("Contraseña")).ToBeEmptyAsync();
        await _page.GotoAsync(stack.Gateway.ToString());
        await Expect(_page.GetByRole(AriaRole.Button, new() { Name = "Cerrar sesión" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_tables_CSV_link_downloads_the_table_through_the_session()
    {
        await stack.SettledAsync(AgroRuralAdmin, stack.AgroRuralAdminPassword, "api/reporting/dashboard", producers: 1_543);
        await _page.SignInAsync(stack, AgroRuralAdmin, stack.AgroRuralAdminPassword, from: "/panel");

        var download = await _page.RunAndWaitForDownloadAsync(() => _page.GetByRole(AriaRole.Link, new() { Name = "CSV · Por región" }).ClickAsync());

        Assert.Matches(@"^regions-\d{8}-\d{4}\.csv$", download.SuggestedFilename);
        var lines = (await File.ReadAllLinesAsync((await download.PathAsync())!)).Select(l => l.TrimStart('\uFEFF')).ToList();
        Assert.StartsWith("region,label,producers,", lines[0]);
        Assert.Equal(10, lines.Count); // header, 8 regions, total
        Assert.StartsWith("total,Total,1543,", lines[^1]);
        Assert.Contains(lines, l => l.StartsWith("PE-CUS,"));
    }

    /// <summary>A table by its caption.</summary>
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

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
