using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RedesPlataforma.Networks.Producers.Import;

/// <summary>
/// Streams the first worksheet of an .xlsx with the Open XML SDK's SAX reader (<see cref="OpenXmlReader"/>), so memory
/// does not grow with the sheet; only the shared-string table is held. The first non-blank row is the header.
/// Cells keep Excel's stored text: numbers as written ("1985"), dates as serial numbers (the import's SQL reads both).
/// </summary>
public sealed class XlsxRowSource : IImportRowSource
{
    private readonly SpreadsheetDocument _document;
    private readonly OpenXmlReader _reader;
    private readonly List<string> _sharedStrings;
    private readonly List<string?> _cells = [];

    private XlsxRowSource(SpreadsheetDocument document, OpenXmlReader reader, List<string> sharedStrings) =>
        (_document, _reader, _sharedStrings) = (document, reader, sharedStrings);

    public IReadOnlyList<string> Header { get; private set; } = [];

    public int Line { get; private set; }

    public string? this[int ordinal] => ordinal < _cells.Count ? _cells[ordinal] : null;

    public static XlsxRowSource Open(Stream content)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(content, isEditable: false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException)
        {
            throw ImportFileException.NotXlsx();
        }

        try
        {
            var workbook = document.WorkbookPart ?? throw ImportFileException.NotXlsx();
            var sheet = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw ImportFileException.Empty();
            if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart worksheet) throw ImportFileException.NotXlsx();

            var source = new XlsxRowSource(document, OpenXmlReader.Create(worksheet), ReadSharedStrings(workbook.SharedStringTablePart));
            if (!source.NextRow()) throw ImportFileException.Empty();
            source.Header = [.. source._cells.Select(c => c ?? "")];
            return source;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    public ValueTask<bool> ReadAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return ValueTask.FromResult(NextRow());
    }

    /// <summary>Moves to the next row that has a value, filling <see cref="_cells"/> by column.</summary>
    private bool NextRow()
    {
        while (_reader.Read())
        {
            if (_reader.ElementType != typeof(Row) || !_reader.IsStartElement) continue;
            Line = RowNumber() ?? Line + 1;
            ReadCells();
            if (_cells.Any(c => c is not null)) return true;
        }
        return false;
    }

    private void ReadCells()
    {
        _cells.Clear();
        var column = -1;
        string? type = null;
        var text = new StringBuilder();
        var phonetic = false;
        while (_reader.Read())
        {
            var element = _reader.ElementType;
            if (element == typeof(Row)) return;
            if (element == typeof(Cell))
            {
                if (_reader.IsStartElement)
                {
                    (column, type) = CellPosition(column);
                    text.Clear();
                }
                else Set(column, CellText(type, text.ToString()));
            }
            else if (element == typeof(PhoneticRun)) phonetic = _reader.IsStartElement;
            else if ((element == typeof(CellValue) || element == typeof(Text)) && _reader.IsStartElement && !phonetic) text.Append(_reader.GetText());
        }
    }

    private (int Column, string? Type) CellPosition(int previous)
    {
        int? column = null;
        string? type = null;
        foreach (var attribute in _reader.Attributes)
        {
            if (attribute.LocalName == "r") column = ColumnIndex(attribute.Value);
            else if (attribute.LocalName == "t") type = attribute.Value;
        }
        return (column ?? previous + 1, type);
    }

    private void Set(int column, string? value)
    {
        while (_cells.Count <= column) _cells.Add(null);
        _cells[column] = ImportRowSource.Clean(value);
    }

    private string? CellText(string? type, string raw) => type switch
    {
        "s" => int.TryParse(raw, out var index) && index >= 0 && index < _sharedStrings.Count ? _sharedStrings[index] : null,
        "b" => raw == "1" ? "true" : raw == "0" ? "false" : raw,
        _ => raw,
    };

    private int? RowNumber()
    {
        foreach (var attribute in _reader.Attributes)
            if (attribute.LocalName == "r" && int.TryParse(attribute.Value, out var number)) return number;
        return null;
    }

    /// <summary>"AB12" → 27.</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c)) break;
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return index > 0 ? index - 1 : null;
    }

    private static List<string> ReadSharedStrings(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null) return strings;
        using var reader = OpenXmlReader.Create(part);
        var text = new StringBuilder();
        var phonetic = false;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem))
            {
                if (reader.IsStartElement) text.Clear();
                else strings.Add(text.ToString());
            }
            else if (reader.ElementType == typeof(PhoneticRun)) phonetic = reader.IsStartElement;
            else if (reader.ElementType == typeof(Text) && reader.IsStartElement && !phonetic) text.Append(reader.GetText());
        }
        return strings;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _document.Dispose();
    }
}
