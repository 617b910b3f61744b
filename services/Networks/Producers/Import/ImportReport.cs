namespace RedesPlataforma.Networks.Producers.Import;

public enum ImportMode { AllOrNothing, ValidOnly }

/// <summary>
/// What an import found and did. Every bad row is listed with its line (the header is line 1) and each reason.
/// <c>Committed</c> is true only when rows were written; a dry run never writes.
/// </summary>
public sealed record ImportReport(
    string FileName,
    ImportFormat Format,
    string Mode,
    bool DryRun,
    int TotalRows,
    int ValidRows,
    int InvalidRows,
    int Inserted,
    bool Committed,
    string Message,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<ImportRowError> Errors);

public sealed record ImportRowError(int Line, IReadOnlyList<ImportReason> Reasons);

/// <summary>One reason a row was refused: the column, a stable code for programs, and a message in English and Spanish.</summary>
public sealed record ImportReason(string Field, string Code, string Message);

public static class ImportModes
{
    public const string AllOrNothing = "all-or-nothing";
    public const string ValidOnly = "valid-only";

    public static ImportMode? Parse(string? mode) => mode?.Trim().ToLowerInvariant() switch
    {
        null or "" or AllOrNothing => ImportMode.AllOrNothing,
        ValidOnly => ImportMode.ValidOnly,
        _ => null,
    };

    public static string Name(ImportMode mode) => mode == ImportMode.ValidOnly ? ValidOnly : AllOrNothing;
}
