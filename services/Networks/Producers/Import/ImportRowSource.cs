using RedesPlataforma.BuildingBlocks.Export;

namespace RedesPlataforma.Networks.Producers.Import;

/// <summary>The rows of an uploaded file, read one at a time. Blank rows are skipped.</summary>
public interface IImportRowSource : IDisposable
{
    IReadOnlyList<string> Header { get; }

    /// <summary>The current row's line in the file (the header is line 1; for .xlsx, the sheet's row number).</summary>
    int Line { get; }

    /// <exception cref="ImportFileException">The file turns out to be unreadable (bad encoding, broken quoting).</exception>
    ValueTask<bool> ReadAsync(CancellationToken ct);

    /// <summary>The trimmed value of a column in the current row; null when it is empty or the row is shorter.</summary>
    string? this[int ordinal] { get; }
}

public enum ImportFormat { Csv, Xlsx }

public static class ImportRowSource
{
    public const string XlsxContentType = TableExport.XlsxContentType;

    /// <summary>By extension first, then by the declared content type.</summary>
    public static ImportFormat? Detect(string fileName, string? contentType) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" or ".txt" => ImportFormat.Csv,
            ".xlsx" => ImportFormat.Xlsx,
            "" => contentType?.Split(';')[0].Trim().ToLowerInvariant() switch
            {
                "text/csv" or "application/csv" or "text/plain" => ImportFormat.Csv,
                XlsxContentType => ImportFormat.Xlsx,
                _ => null,
            },
            _ => null,
        };

    public static async Task<IImportRowSource> OpenAsync(Stream content, ImportFormat format, CancellationToken ct) => format switch
    {
        ImportFormat.Csv => await CsvRowSource.OpenAsync(content, ct),
        _ => XlsxRowSource.Open(content),
    };

    /// <summary>Trimmed, blank as null, and without the quote our own CSV export puts before a formula-like text.</summary>
    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : FormulaCells.Restore(value.Trim());
}
