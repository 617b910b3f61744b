using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using RedesPlataforma.Networks.Producers;
using RedesPlataforma.Networks.Producers.Export;
using RedesPlataforma.Networks.Producers.Import;
using RedesPlataforma.Testing;
using Sylvan.Data.Csv;

namespace RedesPlataforma.Networks.FunctionalTests;

[Collection(NetworksHost.Name)]
public sealed class ProducerExportTests(NetworksApp app)
{
    [Fact]
    public async Task A_CSV_export_names_its_file_holds_every_filtered_producer_and_parses_back_to_the_same_values()
    {
        var admin = await ProducerScenario.AdminClientAsync(app);
        var rosa = await admin.RegisterAsync(ProducerScenario.Request() with { FirstNames = "Rosa, \"La Tía\"", LastNames = "Ñahui Quispe" });
        var luis = await admin.RegisterAsync(ProducerScenario.Request(district: "070101") with { Gender = Gender.Male, Phone = null });
        await admin.RegisterAsync(ProducerScenario.Request(district: "210101"));

        var response = await admin.GetAsync("/api/producers/export?format=csv&region=PE-CUS");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"^productores-\d{8}-\d{4}\.csv$", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal([0xEF, 0xBB, 0xBF], (await response.Content.ReadAsByteArrayAsync())[..3]);

        using var csv = await CsvDataReader.CreateAsync(new StreamReader(await response.Content.ReadAsStreamAsync()));
        Assert.Equal(ProducerExport.Columns, Enumerable.Range(0, csv.FieldCount).Select(csv.GetName));
        Assert.True(await csv.ReadAsync());
        Assert.Equal([rosa.Dni, "Rosa, \"La Tía\"", "Ñahui Quispe", "F", "1982", "080101", "Cusco", "PE-CUS", "984 123 456", "si", "2025-01-15", "si"],
            Enumerable.Range(0, 12).Select(csv.GetString));
        Assert.False(await csv.ReadAsync()); // Callao and Puno are filtered out

        var all = await (await admin.GetAsync("/api/producers/export")).Content.ReadAsStringAsync();
        Assert.Equal(4, all.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains($"{luis.Dni},María,Quispe Huamán,M,1982,070101,Callao,PE-CAL,,si,2025-01-15,si,", all);
    }

    [Fact]
    public async Task An_xlsx_export_opens_in_the_Open_XML_SDK_and_imports_unchanged_into_another_tenant()
    {
        var a = await ProducerScenario.AdminClientAsync(app);
        var b = await ProducerScenario.AdminClientAsync(app);
        var producers = new List<ProducerDto>();
        for (var i = 0; i < 30; i++)
            producers.Add(await a.RegisterAsync(ProducerScenario.Request(dni: i == 0 ? "01234567" : null, district: i % 2 == 0 ? "080101" : "150101") with
            {
                LastNames = $"Apellido {i:D2} & <Cía>", Gender = i % 3 == 0 ? Gender.Male : Gender.Female, BirthYear = 1960 + i,
            }));

        var response = await a.GetAsync("/api/producers/export?format=xlsx");
        Assert.Equal(ImportRowSource.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var workbook = await response.Content.ReadAsByteArrayAsync();

        using (var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false))
        {
            var sheet = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single().Id!);
            var rows = sheet.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
            Assert.Equal(31, rows.Count);
            Assert.Equal(ProducerExport.Columns, rows[0].Elements<Cell>().Select(c => c.InnerText));
            var first = rows[1].Elements<Cell>().ToList();
            Assert.Equal(("01234567", "Apellido 00 & <Cía>", "1960"), (first[0].InnerText, first[2].InnerText, first[4].CellValue!.Text));
            Assert.Null(first[4].DataType); // the birth year is a number
        }

        var report = await (await b.ImportAsync("export.xlsx", workbook, "dryRun=false")).ReadAsync<ImportReport>();
        Assert.Equal((30, 30, 0), (report.TotalRows, report.Inserted, report.InvalidRows));
        Assert.Contains(report.Warnings, w => w.Contains("district_name"));
        var inB = await b.PageAsync<ProducerSummary>("/api/producers?pageSize=200");
        Assert.Equal(
            producers.Select(p => (p.Dni, p.LastNames, p.Gender, p.BirthYear, p.DistrictCode, p.RegionCode)).Order(),
            inB.Items.Select(p => (p.Dni, p.LastNames, p.Gender, p.BirthYear, p.DistrictCode, p.RegionCode)).Order());
    }

    [Fact]
    public async Task A_CSV_export_imports_back_as_a_clean_dry_run()
    {
        var a = await ProducerScenario.AdminClientAsync(app);
        var b = await ProducerScenario.AdminClientAsync(app);
        for (var i = 0; i < 5; i++) await a.RegisterAsync(ProducerScenario.Request() with { FirstNames = $"Nombre; {i}" });

        var csv = await (await a.GetAsync("/api/producers/export?format=csv")).Content.ReadAsByteArrayAsync();
        var report = await (await b.ImportAsync("export.csv", csv)).ReadAsync<ImportReport>();

        Assert.Equal((5, 5, 0), (report.TotalRows, report.ValidRows, report.InvalidRows));
    }

    [Fact]
    public async Task An_unknown_export_format_is_refused_with_400()
    {
        var admin = await ProducerScenario.AdminClientAsync(app);
        await ProducerScenario.AssertProblemAsync(await admin.GetAsync("/api/producers/export?format=pdf"), HttpStatusCode.BadRequest);
    }
}
