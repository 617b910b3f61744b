using System.Text.RegularExpressions;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.Networks.Producers;

namespace RedesPlataforma.Networks.Tests;

/// <summary>The producer data rules the API and the bulk import share, on their own.</summary>
public sealed class ProducerRulesTests
{
    static readonly FixedClock In2025 = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(1919, false)]
    [InlineData(1920, true)]
    [InlineData(2010, true)]    // 15 this year
    [InlineData(2011, false)]   // 14
    public void A_birth_year_is_from_1920_to_the_year_that_makes_the_producer_15(int year, bool valid) =>
        Assert.Equal(valid, ProducerRules.IsValidBirthYear(year, In2025));

    [Theory]
    [InlineData("  Rosa   María\tQuispe ", "Rosa María Quispe")]
    [InlineData("Juan", "Juan")]
    [InlineData(" \r\n ", "")]
    public void A_name_is_trimmed_and_its_inner_white_space_collapsed(string name, string expected) =>
        Assert.Equal(expected, ProducerRules.CleanName(name));

    [Theory]
    [InlineData("Ñuñez ÁLVAREZ", "nunez alvarez")]
    [InlineData("Güemes Ccori", "guemes ccori")]
    public void Search_text_is_lower_case_without_diacritics(string text, string expected) =>
        Assert.Equal(expected, FoldedText.Fold(text));

    [Theory]
    [InlineData("+51 984 123 456", true)]
    [InlineData("(084) 23-4567", true)]
    [InlineData("984123456", true)]
    [InlineData("12345", false)]                 // too short
    [InlineData("+51 984 123 456 789 01", false)] // too long
    [InlineData("984-ABC-456", false)]
    [InlineData("51+984123456", false)]          // + only in front
    public void A_phone_is_digits_spaces_hyphens_and_parentheses_after_an_optional_plus(string phone, bool valid) =>
        Assert.Equal(valid, Regex.IsMatch(phone, ProducerRules.PhonePattern));
}
