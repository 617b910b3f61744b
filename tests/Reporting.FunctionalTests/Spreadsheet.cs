using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RedesPlataforma.Reporting.FunctionalTests;

/// <summary>Reads a downloaded workbook's first sheet back with the Open XML SDK, as Excel would open it.</summary>
public static class Spreadsheet
{
    /// <summary>Each row's cell texts; numbers as the invariant text of their value, empty cells as null.</summary>
    public static List<string?[]> Rows(byte[] workbook)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        var part = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single().Id!);
        return [.. part.Worksheet.Descendants<Row>().Select(row => row.Elements<Cell>()
            .Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.Text!.Text : c.CellValue?.Text).ToArray())];
    }

    /// <summary>Whether the cell at (row, column) holds a number rather than text.</summary>
    public static bool IsNumber(byte[] workbook, int row, int column)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        var part = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single().Id!);
        var cell = part.Worksheet.Descendants<Row>().ElementAt(row).Elements<Cell>().ElementAt(column);
        return cell.DataType is null && cell.CellValue is not null;
    }
}
