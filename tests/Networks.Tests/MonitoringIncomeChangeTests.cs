using RedesPlataforma.Networks.Monitoring;

namespace RedesPlataforma.Networks.Tests;

/// <summary>The income change rule on its own: decimal arithmetic, half away from zero, two decimals.</summary>
public sealed class MonitoringIncomeChangeTests
{
    [Theory]
    [InlineData(new[] { "400", "500" }, "25.00")]
    [InlineData(new[] { "400", "123.45", "300" }, "-25.00")]
    [InlineData(new[] { "300", "400" }, "33.33")]
    [InlineData(new[] { "300", "200" }, "-33.33")]
    [InlineData(new[] { "600", "700" }, "16.67")]
    [InlineData(new[] { "400", "400.02" }, "0.01")]     // exactly 0.005 → 0.01 (half away from zero; banker's rounding would give 0.00)
    [InlineData(new[] { "400", "399.98" }, "-0.01")]    // exactly −0.005 → −0.01
    public void The_change_is_latest_against_first_rounded_half_away_from_zero(string[] incomes, string expected) =>
        Assert.Equal(Parse(expected), IncomeChange.Percent([.. incomes.Select(Parse)]));

    [Fact]
    public void There_is_no_change_with_fewer_than_two_records_or_a_first_income_of_zero()
    {
        Assert.Null(IncomeChange.Percent([]));
        Assert.Null(IncomeChange.Percent([400m]));
        Assert.Null(IncomeChange.Percent([0m, 500m]));
    }

    static decimal Parse(string value) => decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
