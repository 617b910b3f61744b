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

    /// <summary>
    /// A PostgreSQL regular expression that finds in a text what <see cref="Mentions"/> counts as naming
    /// <paramref name="name"/>: its words in a row, each letter in either case with or without its accents, anything but
    /// letters and digits between them, and no letter or digit right before or after. Null when the name has no word.
    /// </summary>
    public static string? MentionPattern(string name)
    {
        var words = Words(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return null;
        var inRow = string.Join("[^[:alnum:]]+", words.Select(word => string.Concat(word.Select(AnyForm))));
        return $"(?<![[:alnum:]]){inRow}(?![[:alnum:]])";
    }

    private static string AnyForm(char folded) => Forms.TryGetValue(folded, out var forms) ? $"[{forms}]" : folded.ToString();

    /// <summary>Every letter of the Latin blocks by the one it folds to: a → "aAáÁàÀâÂäÄ…".</summary>
    private static readonly Dictionary<char, string> Forms = Enumerable.Range(0x41, 0x250 - 0x41)
        .Select(code => (char)code)
        .Where(char.IsLetter)
        .Select(letter => (Letter: letter, Folded: Fold(letter.ToString())))
        .Where(pair => pair.Folded.Length == 1 && char.IsAsciiLetterLower(pair.Folded[0]))
        .GroupBy(pair => pair.Folded[0], pair => pair.Letter)
        .ToDictionary(group => group.Key, group => string.Concat(group));

    private static string Words(string text) =>
        CollapseWhiteSpace(new string([.. Fold(text).Select(c => char.IsLetterOrDigit(c) ? c : ' ')]));

    /// <summary>Trimmed, with inner runs of white space made one space.</summary>
    public static string CollapseWhiteSpace(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
