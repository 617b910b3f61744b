using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace RedesPlataforma.BuildingBlocks.Export;

public enum ExportFormat { Csv, Xlsx }

/// <summary>
/// A table to download: its header and its rows as cell texts, read once, in order, while the response is written.
/// Cells of a <see cref="NumericColumns">numeric column</see> that parse as invariant numbers become numbers in a
/// workbook; everything else stays text, so codes such as a DNI or a UBIGEO keep their leading zeros.
/// </summary>
public sealed record ExportTable(string SheetName, IReadOnlyList<string> Columns, IAsyncEnumerable<IReadOnlyList<string?>> Rows)
{
    internal static readonly IReadOnlySet<int> NoNumbers = new HashSet<int>();

    public IReadOnlySet<int> NumericColumns { get; init; } = NoNumbers;

    internal static bool IsNumber(string value) =>
        decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
}

public static class TableExport
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The download as a streamed response named <paramref name="fileName"/> plus the format's extension.</summary>
    public static PushStreamHttpResult Stream(ExportTable table, ExportFormat format, string fileName, CancellationToken ct) => format switch
    {
        ExportFormat.Xlsx => TypedResults.Stream(body => XlsxTableWriter.WriteAsync(table, body, ct), XlsxContentType, $"{fileName}.xlsx"),
        _ => TypedResults.Stream(body => CsvTableWriter.WriteAsync(table, body, ct), CsvContentType, $"{fileName}.csv"),
    };

    /// <summary>Says in the OpenAPI document what a streamed download answers, which its result type cannot.</summary>
    public static RouteHandlerBuilder ProducesTableExport(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces(StatusCodes.Status200OK, contentType: "text/csv", additionalContentTypes: [XlsxContentType]);

    /// <summary>"csv" or "xlsx", any case; anything else is null.</summary>
    public static ExportFormat? ParseFormat(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        "csv" => ExportFormat.Csv,
        "xlsx" => ExportFormat.Xlsx,
        _ => null,
    };
}
