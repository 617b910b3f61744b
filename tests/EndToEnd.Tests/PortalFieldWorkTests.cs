using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RedesPlataforma.Testing;
using static Microsoft.Playwright.Assertions;

namespace RedesPlataforma.EndToEnd.Tests;

/// <summary>
/// The field work of issue 11, end to end on the real stack in Debian's Chromium: Agro Rural's specialist in Cusco
/// registers producers, forms a network with them, takes it through the methodology's phases (the first advance with a
/// photo of the founding act), records last month's monitoring and submits a business plan on the national programme
/// Aliados II; the national unit approves it on its desk; the supervisor sees the plan's way there and the institution's
/// dashboard counting the new producers, the network and the committed funds. Each person in a browser context of
/// their own, reading and typing what the page shows; the API is only read to wait for Reporting to catch up.
/// </summary>
[Collection(LocalStackCollection.Name)]
[ChangesTheDemoData]
public sealed partial class PortalFieldWorkTests(LocalStack stack, Chromium chromium) : BrowserTest(chromium)
{
    private const string AgroRuralAdmin = "admin@agrorural.demo.pe";
    private const string Specialist = "rosa.quispe@agrorural.demo.pe"; // Cusco (seed: DemoInstitutions)
    private const string Supervisor = "carmen.huaman@agrorural.demo.pe"; // Cusco and Apurímac
    private const string NationalUnit = "unidad@redes.pe";
    private const string Navigation = "Navegación principal";

    private static readonly TimeZoneInfo Lima = TimeZoneInfo.FindSystemTimeZoneById("America/Lima");

    [Fact]
    public async Task A_specialist_registers_producers_forms_and_advances_a_network_with_a_photo_records_monitoring_and_submits_a_plan_that_once_approved_shows_on_the_dashboard()
    {
        SetDefaultExpectTimeout(20_000);
        var tag = NewSurname();
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Lima).Date;
        var lastMonth = new DateTime(today.Year, today.Month, 1).AddMonths(-1);
        var networkName = $"Red Quinuera {tag}";
        var planTitle = $"Transformación de quinua {tag}";
        // The plan's one line: 4 × S/ 5,000.00, of which the programme puts in X and the network the rest (≥ 30 %).
        var programmeFunds = 12_000m + RandomNumberGenerator.GetInt32(0, 1_000);
        const decimal total = 20_000m, inKind = 2_000m;
        var cash = total - programmeFunds - inKind;
        (string First, string Last, string Gender, string BirthYear, string District)[] producers =
        [
            ("Eulogia", $"Ccahuana {tag}", "Mujer", "1978", "Urcos"),
            ("Teodoro", $"Huamán {tag}", "Hombre", "1965", "Andahuaylillas"),
            ("Felícitas", $"Condori {tag}", "Mujer", "1990", "Ocongate"),
        ];

        // The institution's figures before, as its supervisor reads them on the dashboard, once Reporting counts every
        // active producer Networks holds (the seed's, and those of other classes that change the demo data before this one).
        await stack.SettledAsync(AgroRuralAdmin, stack.AgroRuralAdminPassword, "api/reporting/dashboard", producers: 1_543);
        await ReportingCaughtUpWithNetworksAsync();
        var supervisor = await NewPageAsync();
        await supervisor.SignInAsync(stack, Supervisor, stack.StaffPassword);
        await Expect(supervisor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mi trabajo");
        await Nav(supervisor, "Panel").ClickAsync();
        var before = await DashboardFiguresAsync(supervisor);

        // The specialist lands on her work and registers the producers, district by department → province → district.
        var specialist = await NewPageAsync();
        await specialist.SignInAsync(stack, Specialist, stack.StaffPassword);
        await Expect(specialist.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mi trabajo");
        await Nav(specialist, "Productores").ClickAsync();
        await specialist.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Registrar productor" }).ClickAsync();
        foreach (var (first, last, gender, birthYear, district) in producers)
        {
            await Expect(specialist.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Registrar productor");
            await specialist.GetByRole(AriaRole.Textbox, new() { Name = "DNI" }).FillAsync(NewDni());
            await specialist.GetByLabel("Nombres").FillAsync(first);
            await specialist.GetByLabel("Apellidos").FillAsync(last);
            await specialist.GetByLabel("Sexo").SelectOptionAsync(new SelectOptionValue { Label = gender });
            await specialist.GetByLabel("Año de nacimiento").FillAsync(birthYear);
            await specialist.GetByLabel("Departamento").SelectOptionAsync(new SelectOptionValue { Label = "Cusco" });
            await Expect(specialist.GetByLabel("Provincia").GetByRole(AriaRole.Option, new() { Name = "Quispicanchi" })).ToHaveCountAsync(1);
            await specialist.GetByLabel("Provincia").SelectOptionAsync(new SelectOptionValue { Label = "Quispicanchi" });
            await specialist.GetByLabel("Distrito").SelectOptionAsync(new SelectOptionValue { Label = district });
            await specialist.GetByRole(AriaRole.Checkbox, new() { Name = "El productor consintió el tratamiento de sus datos personales (Ley 29733)" }).CheckAsync();
            await specialist.GetByLabel("Fecha del consentimiento").FillAsync(today.ToString("yyyy-MM-dd"));
            await specialist.GetByRole(AriaRole.Button, new() { Name = "Registrar", Exact = true }).ClickAsync();
            await Expect(specialist.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Productor registrado");
            await Expect(specialist.GetByText($"{first} {last} quedó registrado.")).ToBeVisibleAsync();
            await specialist.GetByRole(AriaRole.Button, new() { Name = "Registrar otro" }).ClickAsync();
        }
        await Nav(specialist, "Productores").ClickAsync();
        var search = specialist.GetByRole(AriaRole.Search, new() { Name = "Buscar productores" });
        await search.GetByRole(AriaRole.Searchbox).FillAsync(tag);
        await search.GetByRole(AriaRole.Button, new() { Name = "Buscar" }).ClickAsync();
        await Expect(specialist.GetByRole(AriaRole.Table).GetByRole(AriaRole.Rowheader)).ToHaveCountAsync(producers.Length);

        // She forms the network with them, its leader among them.
        await Nav(specialist, "Redes").ClickAsync();
        await specialist.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Formar red" }).ClickAsync();
        await specialist.GetByLabel("Nombre de la red").FillAsync(networkName);
        await specialist.GetByLabel("Cadena de valor").SelectOptionAsync(new SelectOptionValue { Label = "Quinua" });
        await specialist.GetByLabel("Región").SelectOptionAsync(new SelectOptionValue { Label = "Cusco" });
        await specialist.GetByRole(AriaRole.Searchbox, new() { Name = "Buscar productores" }).FillAsync(tag);
        var found = specialist.GetByRole(AriaRole.List, new() { Name = "Productores encontrados" });
        foreach (var (first, _, _, _, _) in producers)
            await found.GetByRole(AriaRole.Checkbox, new() { Name = first }).CheckAsync();
        await Expect(specialist.GetByText("3 productores elegidos")).ToBeVisibleAsync();
        var leader = specialist.GetByLabel("Líder");
        var leaderName = (await leader.GetByRole(AriaRole.Option, new() { Name = producers[0].First }).InnerTextAsync()).Trim();
        await leader.SelectOptionAsync(new SelectOptionValue { Label = leaderName });
        await specialist.GetByRole(AriaRole.Button, new() { Name = "Formar la red" }).ClickAsync();
        await Expect(specialist.GetByText("La red quedó formada.")).ToBeVisibleAsync();
        await Expect(specialist.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(networkName);
        var networkUrl = specialist.Url;

        // The first advance carries a photo of the founding act; it then shows in the phase timeline, served back.
        await specialist.GetByLabel("Nota del avance").FillAsync("Acta de constitución firmada por los tres socios.");
        await specialist.GetByLabel("Evidencia (fotos o PDF)").SetInputFilesAsync(new FilePayload
        {
            Name = "acta-de-constitucion.png", MimeType = "image/png", Buffer = Png(64, 48),
        });
        await Expect(specialist.GetByRole(AriaRole.List, new() { Name = "1 archivo por enviar" })).ToBeVisibleAsync();
        await specialist.GetByRole(AriaRole.Button, new() { Name = "Registrar el avance" }).ClickAsync();
        await Expect(specialist.GetByText("La red avanzó a la fase 1 · Promoción y selección.")).ToBeVisibleAsync();
        var timeline = specialist.GetByRole(AriaRole.Region, new() { Name = "Fases de la metodología" });
        var photo = timeline.GetByRole(AriaRole.Img, new() { Name = "Foto: acta-de-constitucion.png" });
        await Expect(photo).ToBeVisibleAsync();
        await Expect(timeline.GetByText("Acta de constitución firmada por los tres socios.")).ToBeVisibleAsync();
        await Expect(photo).ToHaveJSPropertyAsync("naturalWidth", 64); // the bytes came back from the server

        // Then on to phase 3, the strategic business plan: the phase Aliados II co-finances from.
        foreach (var (next, note) in new[] { ("2 · Plan de negocio piloto", "Plan piloto de venta de quinua perlada."), ("3 · Plan de negocio estratégico", "Plan estratégico aprobado en asamblea.") })
        {
            await Expect(specialist.GetByRole(AriaRole.Heading, new() { Name = $"Avanzar a la fase {next}" })).ToBeVisibleAsync();
            await specialist.GetByLabel("Nota del avance").FillAsync(note);
            await specialist.GetByRole(AriaRole.Button, new() { Name = "Registrar el avance" }).ClickAsync();
            await Expect(specialist.GetByText($"La red avanzó a la fase {next}.")).ToBeVisibleAsync();
        }
        await Expect(timeline.Locator("[aria-current=step]")).ToContainTextAsync("3 · Plan de negocio estratégico");

        // Last month's monitoring.
        await specialist.GetByRole(AriaRole.Link, new() { Name = "Monitoreo mensual" }).ClickAsync();
        await specialist.GetByRole(AriaRole.Button, new() { Name = "Registrar un mes" }).ClickAsync();
        await specialist.GetByLabel(new Regex(@"^Mes( \*)?$")).FillAsync(lastMonth.ToString("yyyy-MM"));
        await specialist.GetByLabel("Ventas del mes (S/)").FillAsync("4850.50");
        await specialist.GetByLabel("Volumen vendido").FillAsync("1200");
        await specialist.GetByLabel("Unidad del volumen").FillAsync("kg");
        await specialist.GetByLabel(new Regex(@"^Productividad( \*)?$")).FillAsync("1.8");
        await specialist.GetByLabel("Unidad de la productividad").FillAsync("t/ha");
        await specialist.GetByLabel("Prácticas de poscosecha").FillAsync("Secado en tendales\nSelección por tamaño");
        await specialist.GetByLabel("Canales de mercado").FillAsync("Feria de Urcos");
        await specialist.GetByLabel("Ingreso neto promedio por miembro (S/)").FillAsync("950");
        await specialist.GetByRole(AriaRole.Button, new() { Name = "Registrar el mes" }).ClickAsync();
        await Expect(specialist.GetByText(new Regex(@"^Monitoreo de .+ registrado\.$"))).ToBeVisibleAsync();
        var records = specialist.GetByRole(AriaRole.Table, new() { Name = "Monitoreo mensual, del más reciente al más antiguo" });
        await Expect(records.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(records.Locator("tbody tr")).ToContainTextAsync("S/ 4,850.50");

        // Her work shows the network, in phase 3 and with its monitoring up to date.
        await Nav(specialist, "Mi trabajo").ClickAsync();
        var mine = specialist.GetByRole(AriaRole.Row).Filter(new() { Has = specialist.GetByRole(AriaRole.Link, new() { Name = networkName, Exact = true }) });
        await Expect(mine).ToHaveCountAsync(1);
        await Expect(mine).ToContainTextAsync("3 · Plan de negocio estratégico");
        await Expect(mine).ToContainTextAsync("Al día");

        // She drafts the plan on the national programme and submits it.
        await Nav(specialist, "Planes de negocio").ClickAsync();
        await specialist.GetByRole(AriaRole.Link, new() { Name = "Nuevo plan de negocio" }).ClickAsync();
        await specialist.GetByRole(AriaRole.Combobox, new() { Name = "Programa", Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Aliados II (programa nacional)" });
        await specialist.GetByRole(AriaRole.Combobox, new() { Name = "Red", Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = networkName });
        await specialist.GetByLabel("Título del plan").FillAsync(planTitle);
        await specialist.GetByLabel("Objetivos").FillAsync("Vender quinua perlada envasada a tiendas de Cusco.");
        var line = specialist.GetByRole(AriaRole.Group, new() { Name = "Línea 1" });
        await line.GetByLabel("Rubro").SelectOptionAsync(new SelectOptionValue { Label = "Equipos" });
        await line.GetByLabel("Descripción").FillAsync("Selladora y balanza de plataforma");
        await line.GetByLabel("Cantidad").FillAsync("4");
        await line.GetByLabel("Costo unitario (S/)").FillAsync("5000");
        await line.GetByLabel("Aporte del programa (S/)").FillAsync(Plain(programmeFunds));
        await line.GetByLabel("Aporte de la red en efectivo (S/)").FillAsync(Plain(cash));
        await line.GetByLabel("Aporte de la red en especie (S/)").FillAsync(Plain(inKind));
        await Expect(line.GetByText("El reparto suma el monto de la línea.")).ToBeVisibleAsync();
        await specialist.GetByRole(AriaRole.Button, new() { Name = "Presentar plan" }).ClickAsync();
        await Expect(specialist.GetByText("Plan presentado.")).ToBeVisibleAsync();
        await Expect(specialist.GetByText("En la mesa nacional")).ToBeVisibleAsync();
        var planUrl = specialist.Url;

        // The supervisor finds it among the submitted plans: a national programme's, so the national desk decides.
        await Nav(supervisor, "Planes de negocio").ClickAsync();
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "Por decidir" }).ClickAsync();
        var queued = supervisor.GetByRole(AriaRole.Row).Filter(new() { Has = supervisor.GetByRole(AriaRole.Link, new() { Name = planTitle }) });
        await Expect(queued).ToContainTextAsync("Unidad nacional: en su mesa de revisión");

        // The national unit approves it on its desk (which shows figures, not titles).
        var national = await NewPageAsync();
        await national.SignInAsync(stack, NationalUnit, stack.NationalPassword);
        await Nav(national, "Mesa de revisión").ClickAsync();
        var submission = national.GetByRole(AriaRole.Row).Filter(new() { HasText = Money(programmeFunds) }).Filter(new() { HasText = "Pendiente" });
        await Expect(submission).ToHaveCountAsync(1);
        await Expect(submission).ToContainTextAsync("Quinua · Cusco");
        await submission.GetByRole(AriaRole.Link).First.ClickAsync();
        await national.GetByRole(AriaRole.Button, new() { Name = "Aprobar postulación" }).ClickAsync();
        await Expect(national.GetByText("Postulación aprobada; los fondos quedaron comprometidos.")).ToBeVisibleAsync();

        // The specialist sees the decision on her plan.
        await specialist.GotoAsync(planUrl);
        await Expect(specialist.GetByText("Aprobado por la unidad nacional")).ToBeVisibleAsync();

        // The dashboard counts 3 more producers, 1 more network and the plan's committed funds, once Reporting has the events.
        await ReportingCountsAsync(before.Producers + producers.Length, before.Networks + 1, before.ProgrammeFunds + programmeFunds);
        await Nav(supervisor, "Panel").ClickAsync();
        await supervisor.ReloadAsync();
        var summary = supervisor.GetByRole(AriaRole.Table, new() { Name = "Resumen" });
        await Expect(SummaryValue(summary, "Productores")).ToHaveTextAsync((before.Producers + producers.Length).ToString("#,0", CultureInfo.InvariantCulture));
        await Expect(SummaryValue(summary, "Redes")).ToHaveTextAsync((before.Networks + 1).ToString("#,0", CultureInfo.InvariantCulture));
        await Expect(SummaryValue(summary, "Fondos del programa aprobados (S/)")).ToHaveTextAsync(Money(before.ProgrammeFunds + programmeFunds));
        await Expect(SummaryValue(summary, "Aporte de las redes aprobado (S/)")).ToHaveTextAsync(Money(before.NetworkContribution + cash + inKind));

        // And the network's page still holds the photo after all that.
        await specialist.GotoAsync(networkUrl);
        await Expect(specialist.GetByRole(AriaRole.Img, new() { Name = "Foto: acta-de-constitucion.png" })).ToBeVisibleAsync();
    }

    private static ILocator Nav(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = Navigation }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    private sealed record Figures(int Producers, int Networks, decimal ProgrammeFunds, decimal NetworkContribution);

    /// <summary>The dashboard's summary as the page shows it.</summary>
    private static async Task<Figures> DashboardFiguresAsync(IPage page)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Panel de la institución");
        var summary = page.GetByRole(AriaRole.Table, new() { Name = "Resumen" });
        await Expect(SummaryValue(summary, "Productores")).ToHaveTextAsync(new Regex(@"^\d[\d,]*$"));
        async Task<decimal> Read(string figure) =>
            decimal.Parse(Regex.Replace(await SummaryValue(summary, figure).InnerTextAsync(), @"[^\d.]", ""), CultureInfo.InvariantCulture);
        return new((int)await Read("Productores"), (int)await Read("Redes"),
            await Read("Fondos del programa aprobados (S/)"), await Read("Aporte de las redes aprobado (S/)"));
    }

    /// <summary>The institution's total of a figure: the summary's row headed by it, first value column.</summary>
    private static ILocator SummaryValue(ILocator summary, string figure) =>
        summary.Locator("tr").Filter(new() { Has = summary.Page.GetByRole(AriaRole.Rowheader, new() { Name = figure, Exact = true }) }).Locator("th, td").Nth(1);

    /// <summary>Reporting builds the dashboard from the services' events: wait through its API until it has them.</summary>
    private async Task ReportingCountsAsync(int producers, int networks, decimal programmeFunds)
    {
        using var client = await stack.SignedInAsync(Supervisor, stack.StaffPassword);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            var summary = (await (await client.GetAsync("api/reporting/dashboard")).ReadAsync<JsonElement>()).GetProperty("summary");
            if (Total(summary, "producers") >= producers && Total(summary, "networks") >= networks && Total(summary, "programme_funds_approved") >= programmeFunds)
                return;
            await Task.Delay(500);
        }
    }

    private async Task ReportingCaughtUpWithNetworksAsync()
    {
        using var client = await stack.SignedInAsync(Supervisor, stack.StaffPassword);
        var active = (await (await client.GetAsync("api/producers?Active=true&PageSize=1")).ReadAsync<JsonElement>()).GetProperty("totalCount").GetInt32();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            var summary = (await (await client.GetAsync("api/reporting/dashboard")).ReadAsync<JsonElement>()).GetProperty("summary");
            if (Total(summary, "producers") == active) return;
            await Task.Delay(500);
        }
        throw new TimeoutException($"Reporting did not reach the {active} active producers Networks holds within 2 minutes.");
    }

    private static decimal? Total(JsonElement table, string figure)
    {
        var column = table.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("key").GetString()).ToList().IndexOf(figure);
        var value = table.GetProperty("total").GetProperty("values")[column];
        return value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;
    }

    /// <summary>Soles as the portal writes them (es-PE): "S/ 12,345.00".</summary>
    private static string Money(decimal amount) => "S/ " + amount.ToString("#,0.00", CultureInfo.InvariantCulture);

    private static string Plain(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A second surname no other run has: it finds this run's producers and names its network and plan.</summary>
    private static string NewSurname()
    {
        const string letters = "abcdefghijklmnopqrstuvwxyz";
        var name = new StringBuilder("Q");
        for (var i = 0; i < 7; i++) name.Append(letters[RandomNumberGenerator.GetInt32(letters.Length)]);
        return name.ToString();
    }

    /// <summary>A DNI as printed on the card: 8 digits and RENIEC's check digit (services/BuildingBlocks/Peru/Dni.cs).</summary>
    private static string NewDni()
    {
        int[] weights = [3, 2, 7, 6, 5, 4, 3, 2];
        var digits = RandomNumberGenerator.GetInt32(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture);
        var index = 11 - digits.Select((d, i) => (d - '0') * weights[i]).Sum() % 11;
        return digits + "67890112345"[index == 11 ? 0 : index];
    }

    /// <summary>A real PNG (8-bit RGB, a colour gradient) of the given size: what a phone's photo is, only smaller.</summary>
    private static byte[] Png(int width, int height)
    {
        var raw = new byte[height * (1 + width * 3)];
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + width * 3); // each row: filter type 0, then RGB pixels
            for (var x = 0; x < width; x++)
            {
                raw[row + 1 + x * 3] = (byte)(x * 255 / width);
                raw[row + 2 + x * 3] = (byte)(y * 255 / height);
                raw[row + 3 + x * 3] = 0x80;
            }
        }
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(raw);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        png.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
