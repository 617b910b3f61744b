namespace RedesPlataforma.Financing.Plans;

/// <summary>
/// PEN amounts: <c>decimal</c>, stored as numeric(14,2). Clients send at most two decimals (a third is refused, never
/// rounded silently); computed amounts round to cents half away from zero.
/// </summary>
public static class Money
{
    /// <summary>The largest value numeric(14,2) holds, well above any real programme.</summary>
    public const decimal Max = 999_999_999_999.99m;

    public static decimal RoundCents(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>The share <paramref name="part"/> is of <paramref name="total"/>, to four decimals half away from zero, for display only.</summary>
    public static decimal Share(decimal part, decimal total) =>
        total == 0 ? 0 : Math.Round(part / total, 4, MidpointRounding.AwayFromZero);

    public static bool HasAtMostTwoDecimals(decimal value) => decimal.Round(value, 2) == value;

    /// <summary>Null when acceptable; otherwise a bilingual reason.</summary>
    public static string? Problem(decimal value, bool allowZero = true) =>
        value < 0 ? "Amounts cannot be negative. / Los montos no pueden ser negativos."
        : !allowZero && value == 0 ? "The amount must be greater than zero. / El monto debe ser mayor que cero."
        : !HasAtMostTwoDecimals(value) ? "Amounts have at most two decimals (céntimos). / Los montos tienen a lo más dos decimales (céntimos)."
        : value > Max ? "The amount is beyond any acceptable value. / El monto excede cualquier valor aceptable."
        : null;
}
