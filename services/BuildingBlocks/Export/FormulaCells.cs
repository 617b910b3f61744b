namespace RedesPlataforma.BuildingBlocks.Export;

/// <summary>
/// CSV injection (OWASP): a spreadsheet opening a CSV runs a cell that starts with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, tab or carriage return as a formula, and the texts we export were typed by users and are opened by others.
/// Such a text cell gets a leading single quote (the writer then quotes the cell); <see cref="Restore"/> takes it off
/// again when one of our own exports is imported.
/// </summary>
public static class FormulaCells
{
    public static bool StartsLikeFormula(string cell) => cell is ['=' or '+' or '-' or '@' or '\t' or '\r', ..];

    public static string Defuse(string cell) => StartsLikeFormula(cell) ? "'" + cell : cell;

    public static string Restore(string cell) => cell is ['\'', _, ..] && StartsLikeFormula(cell[1..]) ? cell[1..] : cell;
}
