using RedesPlataforma.Financing.Plans;

namespace RedesPlataforma.Financing.Tests;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("1.005", "1.01")]
    [InlineData("1.015", "1.02")]
    [InlineData("-1.005", "-1.01")]
    [InlineData("2.004", "2.00")]
    public void Computed_amounts_round_to_cents_half_away_from_zero(string value, string cents) =>
        Assert.Equal(decimal.Parse(cents), Money.RoundCents(decimal.Parse(value)));

    [Theory]
    [InlineData("3000", "10000", "0.3")]
    [InlineData("1", "3", "0.3333")]
    [InlineData("2", "3", "0.6667")]
    [InlineData("5", "0", "0")]
    public void A_share_is_four_decimals_half_away_from_zero_and_zero_of_nothing(string part, string total, string share) =>
        Assert.Equal(decimal.Parse(share), Money.Share(decimal.Parse(part), decimal.Parse(total)));

    [Theory]
    [InlineData("0", true, null)]
    [InlineData("0.01", false, null)]
    [InlineData("999999999999.99", false, null)]
    [InlineData("-0.01", true, "Amounts cannot be negative. / Los montos no pueden ser negativos.")]
    [InlineData("0", false, "The amount must be greater than zero. / El monto debe ser mayor que cero.")]
    [InlineData("1.001", true, "Amounts have at most two decimals (céntimos). / Los montos tienen a lo más dos decimales (céntimos).")]
    [InlineData("1000000000000.00", true, "The amount is beyond any acceptable value. / El monto excede cualquier valor aceptable.")]
    public void Amounts_from_clients_are_refused_negative_zero_when_not_allowed_with_a_third_decimal_or_beyond_the_column(
        string value, bool allowZero, string? problem) =>
        Assert.Equal(problem, Money.Problem(decimal.Parse(value), allowZero));
}
