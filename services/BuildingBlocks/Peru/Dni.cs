namespace RedesPlataforma.BuildingBlocks.Peru;

/// <summary>RENIEC's national identity number: 8 digits, optionally followed by its check character.</summary>
public static class Dni
{
    private static readonly int[] Weights = [3, 2, 7, 6, 5, 4, 3, 2];
    private const string NumericChecks = "67890112345";
    private const string LetterChecks = "KABCDEFGHIJ";

    /// <summary>Accepts "12345678" or "12345678-5"/"123456785"/"12345678K" when the check character matches.</summary>
    public static bool IsValid(string? dni) => Normalize(dni) is not null;

    /// <summary>The 8 digits to store, or null when the value is not a valid DNI.</summary>
    public static string? Normalize(string? dni)
    {
        if (dni is null) return null;
        var value = dni.Trim().Replace("-", "");
        if (value.Length is < 8 or > 9 || !value[..8].All(char.IsAsciiDigit)) return null;
        if (value.Length == 9 && !CheckCharacters(value.AsSpan(0, 8)).Contains(char.ToUpperInvariant(value[8]))) return null;
        return value[..8];
    }

    /// <summary>The check character printed on the card is either a digit or a letter from the same position.</summary>
    public static (char Digit, char Letter) CheckCharacter(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++) sum += (digits[i] - '0') * Weights[i];
        var index = 11 - sum % 11;
        if (index == 11) index = 0;
        return (NumericChecks[index], LetterChecks[index]);
    }

    private static char[] CheckCharacters(ReadOnlySpan<char> digits)
    {
        var (digit, letter) = CheckCharacter(digits);
        return [digit, letter];
    }
}
