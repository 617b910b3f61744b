using System.IO.Compression;
using System.Security;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RedesPlataforma.BuildingBlocks.Export;

/// <summary>
/// Writes a table as an .xlsx with the Open XML SDK's SAX writer (<see cref="OpenXmlWriter"/>), text as inline strings,
/// so no shared-string table grows in memory.
/// The SDK's own package (System.IO.Packaging) needs a readable, seekable stream and then keeps every part in memory until
/// it is saved (about 220 MB for 100,000 rows), so the package is written here with <see cref="ZipArchive"/> in create
/// mode, which streams each entry, into a temporary file that is then copied to the response and deleted. Memory stays
/// flat; the first byte leaves once the last row has been read.
/// </summary>
public static class XlsxTableWriter
{
    private const string Sheet = "xl/worksheets/sheet1.xml";

    private static (string Path, string Xml)[] Package(string sheetName) =>
    [
        ("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
            """),
        ("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """),
        ("xl/workbook.xml", $$"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{{SecurityElement.Escape(SheetName(sheetName))}}" sheetId="1" r:id="rId1"/></sheets></workbook>
            """),
        ("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
            """),
    ];

    public static async Task WriteAsync(ExportTable table, Stream body, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.xlsx");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (entry, xml) in Package(table.SheetName))
            {
                await using var part = zip.CreateEntry(entry, CompressionLevel.Fastest).Open();
                await part.WriteAsync(Encoding.UTF8.GetBytes(xml), ct);
            }
            await using var sheet = zip.CreateEntry(Sheet, CompressionLevel.Fastest).Open();
            using var writer = new SheetWriter(sheet);
            writer.Row(table.Columns, ExportTable.NoNumbers);
            await foreach (var row in table.Rows.WithCancellation(ct))
                writer.Row(row, table.NumericColumns);
        }
        file.Position = 0;
        await file.CopyToAsync(body, ct);
    }

    /// <summary>Excel refuses a workbook whose sheet name is longer than 31 characters or holds any of []:*?/\.</summary>
    private static string SheetName(string name)
    {
        var clean = string.Concat(name.Where(c => "[]:*?/\\".IndexOf(c) < 0)).Trim();
        return clean.Length == 0 ? "Sheet1" : clean[..Math.Min(31, clean.Length)];
    }

    /// <summary>worksheet/sheetData/row/c elements, written through reused element templates.</summary>
    private sealed class SheetWriter : IDisposable
    {
        private static readonly OpenXmlAttribute[] InlineString = [new("t", "", "inlineStr")];
        private readonly OpenXmlWriter _xml;
        private readonly Row _row = new();
        private readonly Cell _cell = new();
        private readonly InlineString _inline = new();
        private readonly Text _text = new();
        private readonly CellValue _value = new();

        public SheetWriter(Stream part)
        {
            _xml = OpenXmlWriter.Create(part);
            _xml.WriteStartDocument(true);
            _xml.WriteStartElement(new Worksheet());
            _xml.WriteStartElement(new SheetData());
        }

        public void Row(IReadOnlyList<string?> values, IReadOnlySet<int> numericColumns)
        {
            _xml.WriteStartElement(_row);
            for (var i = 0; i < values.Count; i++)
            {
                if (values[i] is not { } value)
                {
                    _xml.WriteElement(new Cell());
                    continue;
                }
                var numeric = numericColumns.Contains(i) && ExportTable.IsNumber(value);
                if (numeric)
                {
                    _xml.WriteStartElement(_cell);
                    _xml.WriteStartElement(_value);
                }
                else
                {
                    _xml.WriteStartElement(_cell, InlineString);
                    _xml.WriteStartElement(_inline);
                    _xml.WriteStartElement(_text);
                }
                _xml.WriteString(XmlSafe(value));
                _xml.WriteEndElement();
                _xml.WriteEndElement();
                if (!numeric) _xml.WriteEndElement();
            }
            _xml.WriteEndElement();
        }

        /// <summary>Drops the control characters XML 1.0 cannot carry (they could only come from a pasted value).</summary>
        private static string XmlSafe(string value)
        {
            foreach (var c in value)
                if (!XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c)) return string.Concat(value.Where(ch => XmlConvert.IsXmlChar(ch) || char.IsSurrogate(ch)));
            return value;
        }

        public void Dispose()
        {
            _xml.WriteEndElement();
            _xml.WriteEndElement();
            _xml.Dispose();
        }
    }
}
