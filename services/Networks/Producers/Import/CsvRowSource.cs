using System.Text;
using Sylvan.Data.Csv;

namespace RedesPlataforma.Networks.Producers.Import;

/// <summary>
/// Streams a CSV with Sylvan (delimiter detected from the header: comma, semicolon, tab or pipe). The text must be
/// UTF-8 (a BOM is fine): the decoder throws on the first invalid byte, which is how a Latin-1 or Windows-1252 export shows.
/// </summary>
public sealed class CsvRowSource : IImportRowSource
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly CsvDataReader _csv;

    private CsvRowSource(CsvDataReader csv)
    {
        _csv = csv;
        Header = [.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetName)];
    }

    public IReadOnlyList<string> Header { get; }

    public int Line => _csv.RowNumber + 1;

    public string? this[int ordinal] => ordinal < _csv.RowFieldCount ? ImportRowSource.Clean(_csv.GetString(ordinal)) : null;

    public static async Task<CsvRowSource> OpenAsync(Stream content, CancellationToken ct)
    {
        var text = new StreamReader(content, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
        try
        {
            var csv = await CsvDataReader.CreateAsync(text, new CsvDataReaderOptions { HasHeaders = true }, ct);
            return csv.FieldCount == 0 || (csv.FieldCount == 1 && string.IsNullOrWhiteSpace(csv.GetName(0)))
                ? throw ImportFileException.Empty()
                : new CsvRowSource(csv);
        }
        catch (CsvMissingHeadersException)
        {
            throw ImportFileException.Empty();
        }
        catch (DecoderFallbackException)
        {
            throw ImportFileException.WrongEncoding();
        }
        catch (CsvFormatException e)
        {
            throw ImportFileException.MalformedCsv(1, e.Message);
        }
    }

    public async ValueTask<bool> ReadAsync(CancellationToken ct)
    {
        try
        {
            while (await _csv.ReadAsync(ct))
                if (!IsBlank()) return true;
            return false;
        }
        catch (DecoderFallbackException)
        {
            throw ImportFileException.WrongEncoding();
        }
        catch (CsvFormatException e)
        {
            throw ImportFileException.MalformedCsv(Line, e.Message);
        }
    }

    private bool IsBlank()
    {
        for (var i = 0; i < _csv.RowFieldCount; i++)
            if (!string.IsNullOrWhiteSpace(_csv.GetString(i))) return false;
        return true;
    }

    public void Dispose() => _csv.Dispose();
}
