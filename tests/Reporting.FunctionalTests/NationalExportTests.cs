using RedesPlataforma.Reporting.Figures;
using RedesPlataforma.Reporting.Suppression;

namespace RedesPlataforma.Reporting.FunctionalTests;

public sealed class NationalExportTests(ReportingApp app) : IClassFixture<ReportingApp>
{
    [Fact]
    public async Task National_exports_stream_the_published_tables_with_the_suppression_marker()
    {
        await using var events = await Events.StartAsync(app);
        await NationalSeed.SeedAsync(app, events);
        var national = await app.NationalClientAsync();
        var report = await app.NationalFiguresAsync(events, national);
        Assert.Contains(report.Table("regions").Rows, r => r.Suppressed.Count > 0);

        foreach (var table in report.Tables.Append(report.Summary))
        {
            var csv = await national.GetAsync($"/api/reporting/national/{table.Name}.csv");
            Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
            var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            var expected = table.Rows.Append(table.Total).Select(row => string.Join(',', new[] { row.Key, row.Label }.Concat(row.Values.Select((v, i) =>
                row.Suppressed.Contains(table.Columns[i].Key) ? SuppressionOptions.Marker : v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""))));
            Assert.Equal(expected, lines.Skip(1));

            var workbook = await (await national.GetAsync($"/api/reporting/national/{table.Name}.xlsx")).Content.ReadAsByteArrayAsync();
            var sheet = Spreadsheet.Rows(workbook);
            Assert.Equal(lines.Length, sheet.Count);
            var totalRow = sheet.Count - 1;
            for (var i = 0; i < table.Columns.Count; i++)
                Assert.Equal(!table.Total.Suppressed.Contains(table.Columns[i].Key) && table.Total.Values[i] is not null, Spreadsheet.IsNumber(workbook, totalRow, i + 2));
        }
        var regions = await (await national.GetAsync("/api/reporting/national/regions.csv")).Content.ReadAsStringAsync();
        Assert.Contains($"PE-TAC,Tacna,", regions);
        Assert.Matches(@"PE-TAC,Tacna,[0-9]+,\*,\*,\*,\*", regions);
    }
}
