using RedesPlataforma.Networks.Monitoring;

namespace RedesPlataforma.Networks.Tests;

/// <summary>What a monitoring record's amounts and label lists accept, on their own.</summary>
public sealed class MonitoringValidationTests
{
    static readonly AmountAttribute Amount = new();

    [Theory]
    [InlineData("0")]
    [InlineData("12500.50")]
    [InlineData("999999999999.99")]
    public void An_amount_is_zero_or_more_with_at_most_two_decimals_below_a_trillion(string amount) =>
        Assert.True(Amount.IsValid(decimal.Parse(amount)));

    [Theory]
    [InlineData("-0.01")]
    [InlineData("1.234")]
    [InlineData("1000000000000")]
    public void A_negative_amount_a_third_decimal_or_a_trillion_is_refused(string amount) =>
        Assert.False(Amount.IsValid(decimal.Parse(amount)));

    [Fact]
    public void A_missing_amount_is_left_to_required_and_a_floating_point_one_is_refused()
    {
        Assert.True(Amount.IsValid(null));
        Assert.False(Amount.IsValid(12.5d));
    }

    [Fact]
    public void Labels_are_non_blank_and_at_most_the_length_once_trimmed()
    {
        var labels = new LabelsAttribute(maxLength: 10);
        Assert.True(labels.IsValid(null));
        Assert.True(labels.IsValid(new[] { "Secado", "  Selección  " }));
        Assert.True(labels.IsValid(Array.Empty<string>()));
        Assert.False(labels.IsValid(new[] { "Secado", " " }));
        Assert.False(labels.IsValid(new[] { (string?)null }));
        Assert.False(labels.IsValid(new[] { "Clasificación" }));
        Assert.False(labels.IsValid("Secado"));
    }
}
