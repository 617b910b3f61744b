using System.Globalization;
using System.Text;

namespace RedesPlataforma.Networks.Evidence;

/// <summary>
/// The name a file is kept and offered under: no folders, no control or reserved characters, at most
/// <see cref="MaxLength"/> characters, and the extension of the type sniffed from the content (a PNG named
/// "acta.pdf" is kept as "acta.png", so a download opens with the right program).
/// </summary>
public static class EvidenceFileName
{
    public const int MaxLength = 120;
    const string Fallback = "evidencia";
    static readonly string[] SameTypeExtensions = [".jpg", ".jpeg", ".png", ".pdf"];

    public static string Sanitise(string? requested, EvidenceType type)
    {
        var name = (requested ?? "").Normalize(NormalizationForm.FormC);
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..]; // a path's last part only ("C:\fotos\acta.jpg" → "acta.jpg")
        var kept = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Surrogate
                || c is '"' or '<' or '>' or ':' or '|' or '?' or '*' or ';') continue;
            kept.Append(char.IsWhiteSpace(c) ? ' ' : c);
        }
        var stem = string.Join(' ', kept.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var extension = Path.GetExtension(stem);
        if (SameTypeExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase)) stem = stem[..^extension.Length];
        stem = stem.Trim().Trim('.').Trim();
        if (stem.Length == 0) stem = Fallback;
        var suffix = type == EvidenceType.Jpeg && extension.Equals(".jpeg", StringComparison.OrdinalIgnoreCase) ? ".jpeg" : type.Extension;
        if (stem.Length > MaxLength - suffix.Length) stem = stem[..(MaxLength - suffix.Length)].TrimEnd(' ', '.');
        return stem + suffix;
    }
}
