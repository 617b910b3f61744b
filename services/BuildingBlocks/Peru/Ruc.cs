namespace RedesPlataforma.BuildingBlocks.Peru;

/// <summary>SUNAT's taxpayer number: 11 digits, a known prefix and a modulo-11 check digit.</summary>
public static class Ruc
{
    private static readonly int[] Weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    private static readonly string[] Prefixes = ["10", "15", "17", "20"];

    public static bool IsValid(string? ruc) =>
        ruc is { Length: 11 } && ruc.All(char.IsAsciiDigit) && Prefixes.Contains(ruc[..2]) && ruc[10] - '0' == CheckDigit(ruc);

    /// <summary>
    /// (11 − Σ dᵢ·wᵢ mod 11) mod 10. The popular "11 − r, else r" variant disagrees for remainders 0 and 1,
    /// which is about 18% of numbers.
    /// </summary>
    public static int CheckDigit(ReadOnlySpan<char> firstTen)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++) sum += (firstTen[i] - '0') * Weights[i];
        return (11 - sum % 11) % 10;
    }
}
