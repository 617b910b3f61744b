using System.Text;
using RedesPlataforma.BuildingBlocks.Export;

namespace RedesPlataforma.BuildingBlocks.Tests;

public sealed class CsvTableWriterTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("+51 987 654 321", "\"'+51 987 654 321\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tcmd", "\"'\tcmd\"")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("Ana, María", "\"Ana, María\"")]
    [InlineData("Cusco", "Cusco")]
    [InlineData("1-2", "1-2")]
    public async Task A_text_cell_a_spreadsheet_would_run_as_a_formula_gets_a_quote_and_quotes(string text, string written) =>
        Assert.Equal($"name,amount\r\n{written},-12.5\r\n", await CsvAsync(text, "-12.5"));

    [Fact]
    public async Task Numbers_of_a_numeric_column_stay_numbers_and_its_text_is_still_defused() =>
        Assert.Equal("name,amount\r\nx,-3\r\nx,\"'=1+1\"\r\n", await CsvAsync(("x", "-3"), ("x", "=1+1")));

    [Theory]
    [InlineData("'=1+1", "=1+1")]
    [InlineData("'+51 987", "+51 987")]
    [InlineData("'hola", "'hola")]
    [InlineData("'", "'")]
    public void Importing_our_own_export_takes_the_quote_off_again(string cell, string restored) =>
        Assert.Equal(restored, FormulaCells.Restore(cell));

    private static Task<string> CsvAsync(string name, string amount) => CsvAsync((name, amount));

    private static async Task<string> CsvAsync(params (string Name, string Amount)[] rows)
    {
        var table = new ExportTable("t", ["name", "amount"], rows.Select(r => (IReadOnlyList<string?>)[r.Name, r.Amount]).ToAsyncEnumerable())
        {
            NumericColumns = new HashSet<int> { 1 },
        };
        using var body = new MemoryStream();
        await CsvTableWriter.WriteAsync(table, body, CancellationToken.None);
        return new UTF8Encoding(false).GetString(body.ToArray()).TrimStart('\uFEFF');
    }
}
