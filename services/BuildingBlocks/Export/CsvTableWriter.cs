using System.Text;

namespace RedesPlataforma.BuildingBlocks.Export;

/// <summary>Writes a table as RFC 4180 CSV in UTF-8 with a BOM (so Excel shows the accents), one row at a time.</summary>
public static class CsvTableWriter
{
    public static async Task WriteAsync(ExportTable table, Stream body, CancellationToken ct)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        var line = new StringBuilder(256);
        await writer.WriteLineAsync(Line(line, table.Columns), ct);
        await foreach (var row in table.Rows.WithCancellation(ct))
            await writer.WriteLineAsync(Line(line, row), ct);
        await writer.FlushAsync(ct);
    }

    private static StringBuilder Line(StringBuilder line, IReadOnlyList<string?> values)
    {
        line.Clear();
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0) line.Append(',');
            Append(line, values[i]);
        }
        return line;
    }

    private static void Append(StringBuilder line, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0 && value[0] != ' ' && value[^1] != ' ')
        {
            line.Append(value);
            return;
        }
        line.Append('"').Append(value.Replace("\"", "\"\"")).Append('"');
    }
}
