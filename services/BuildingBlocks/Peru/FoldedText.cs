using System.Globalization;
using System.Text;

namespace RedesPlataforma.BuildingBlocks.Peru;

/// <summary>Text compared as people read Spanish names: case, accents and runs of white space do not count.</summary>
public static class FoldedText
{
    /// <summary>Lower case without diacritics (á → a, ñ → n), as the database's search_text() makes producers' search names.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray();
        return new string(kept).Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Whether <paramref name="text"/> names <paramref name="name"/>: its words in a row, whatever the case, accents and
    /// punctuation between them ("Taller — MARIA quispe_huamán" names "María Quispe Huamán").
    /// </summary>
    public static bool Mentions(string? text, string name) =>
        text is not null && $" {Words(text)} ".Contains($" {Words(name)} ", StringComparison.Ordinal);

    private static string Words(string text) =>
        CollapseWhiteSpace(new string([.. Fold(text).Select(c => char.IsLetterOrDigit(c) ? c : ' ')]));

    /// <summary>Trimmed, with inner runs of white space made one space.</summary>
    public static string CollapseWhiteSpace(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
