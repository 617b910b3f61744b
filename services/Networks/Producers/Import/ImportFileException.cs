namespace RedesPlataforma.Networks.Producers.Import;

/// <summary>A problem with the file as a whole (type, encoding, columns): nothing in it is imported and no row report is made.</summary>
public sealed class ImportFileException(IReadOnlyList<string> errors) : Exception(string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;

    public ImportFileException(string error) : this([error]) { }

    public static ImportFileException Empty() =>
        new("The file is empty. / El archivo está vacío.");

    public static ImportFileException NoRows() =>
        new("The file has a header row but no producers. / El archivo tiene encabezados pero ningún productor.");

    public static ImportFileException WrongEncoding() =>
        new("The file is not valid UTF-8 (wrong encoding, save as UTF-8: in Excel, \"CSV UTF-8\"). / " +
            "El archivo no está en UTF-8 (codificación incorrecta, guárdelo como UTF-8: en Excel, \"CSV UTF-8\").");

    public static ImportFileException Unsupported(string fileName) =>
        new($"'{fileName}' is not a supported file type: upload a .csv (UTF-8) or .xlsx file. / " +
            $"'{fileName}' no es un tipo de archivo admitido: suba un archivo .csv (UTF-8) o .xlsx.");

    public static ImportFileException NotXlsx() =>
        new("The file is not a readable .xlsx workbook. / El archivo no es un libro .xlsx legible.");

    public static ImportFileException MalformedCsv(int line, string reason) =>
        new($"The CSV is malformed near line {line} ({reason}). / El CSV está mal formado cerca de la línea {line}.");
}
