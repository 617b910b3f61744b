namespace RedesPlataforma.Networks.Monitoring;

/// <summary>The change in members' average net income between a network's first and latest monitoring records.</summary>
public static class IncomeChange
{
    /// <summary>
    /// (latest − first) ÷ first × 100, computed in decimal (never floating point) and rounded half away from zero to
    /// two decimals (12.345 → 12.35, −12.345 → −12.35). Null with fewer than two records, or when the first income is 0
    /// (no base to compare against). <paramref name="incomesByPeriod"/> is in period order.
    /// </summary>
    public static decimal? Percent(IReadOnlyList<decimal> incomesByPeriod)
    {
        if (incomesByPeriod.Count < 2 || incomesByPeriod[0] == 0) return null;
        var first = incomesByPeriod[0];
        var latest = incomesByPeriod[^1];
        return Math.Round((latest - first) / first * 100m, 2, MidpointRounding.AwayFromZero);
    }
}
