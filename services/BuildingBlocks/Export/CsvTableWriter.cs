using System.Text;

namespace RedesPlataforma.BuildingBlocks.Export;

/// <summary>
/// Writes a table as RFC 4180 CSV in UTF-8 with a BOM (so Excel shows the accents), one row at a time. Text cells that a
/// spreadsheet would run as a formula are <see cref="FormulaCells">defused</see>; numbers of a numeric column (a negative
/// amount, say) stay numbers.
/// </summary>
public static class CsvTableWriter
{
    public static async Task WriteAsync(ExportTable table, Stream body, CancellationToken ct)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        var line = new StringBuilder(256);
        await writer.WriteLineAsync(Line(line, table.Columns, ExportTable.NoNumbers), ct);
        await foreach (var row in table.Rows.WithCancellation(ct))
            await writer.WriteLineAsync(Line(line, row, table.NumericColumns), ct);
        await writer.FlushAsync(ct);
    }

    private static StringBuilder Line(StringBuilder line, IReadOnlyList<string?> values, IReadOnlySet<int> numericColumns)
    {
        line.Clear();
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0) line.Append(',');
            if (values[i] is not { Length: > 0 } value) continue;
            if (numericColumns.Contains(i) && ExportTable.IsNumber(value)) line.Append(value);
            else Append(line, value);
        }
        return line;
    }

    private static void Append(StringBuilder line, string value)
    {
        if (FormulaCells.StartsLikeFormula(value))
        {
            Quoted(line, FormulaCells.Defuse(value));
            return;
        }
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0 && value[0] != ' ' && value[^1] != ' ')
        {
            line.Append(value);
            return;
        }
        Quoted(line, value);
    }

    private static void Quoted(StringBuilder line, string value) => line.Append('"').Append(value.Replace("\"", "\"\"")).Append('"');
}
