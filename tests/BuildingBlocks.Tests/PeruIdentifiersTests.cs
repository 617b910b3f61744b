using RedesPlataforma.BuildingBlocks.Peru;

namespace RedesPlataforma.BuildingBlocks.Tests;

public sealed class PeruIdentifiersTests
{
    [Theory]
    [InlineData("20131312955")] // Ministerio de Agricultura y Riego
    [InlineData("20477936882")]
    [InlineData("20100070970")]
    public void Real_RUCs_are_valid(string ruc) => Assert.True(Ruc.IsValid(ruc));

    [Theory]
    [InlineData("20131312951", "wrong check digit")]
    [InlineData("30131312955", "unknown prefix")]
    [InlineData("2013131295", "ten digits")]
    [InlineData("2013131295A", "a letter")]
    [InlineData("", "empty")]
    public void Malformed_RUCs_are_invalid(string ruc, string why) => Assert.False(Ruc.IsValid(ruc), why);

    [Fact]
    public void The_check_digit_is_eleven_minus_the_remainder_modulo_ten_not_the_eleven_minus_r_else_r_variant()
    {
        // 2010000001_: Σ = 2·5 + 1·3 + 1·2 = 15, r = 4, (11 − 4) mod 10 = 7.
        Assert.Equal(7, Ruc.CheckDigit("2010000001"));
        // Σ ≡ 1 (mod 11): the variant would give 1 ("else r"), the rule gives (11 − 1) mod 10 = 0.
        // 2000000010: Σ = 2·5 + 1·3 = 13, r = 2 → 9; 1000000012: Σ = 1·5 + 1·3 + 2·2 = 12, r = 1 → 0.
        Assert.Equal(0, Ruc.CheckDigit("1000000012"));
        Assert.True(Ruc.IsValid("10000000120"));
        Assert.False(Ruc.IsValid("10000000121"));
    }

    [Fact]
    public void The_RUC_rule_agrees_with_the_definition_on_every_remainder()
    {
        for (var n = 0; n < 1000; n++)
        {
            var body = $"2060{n:D6}";
            var sum = body.Select((c, i) => (c - '0') * new[] { 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 }[i]).Sum();
            var expected = (11 - sum % 11) % 10;
            Assert.True(Ruc.IsValid(body + expected));
            Assert.False(Ruc.IsValid(body + (expected + 1) % 10));
        }
    }

    [Theory]
    [InlineData("12345678", "12345678")]
    [InlineData(" 45678912 ", "45678912")]
    public void Eight_digit_DNIs_normalise_to_themselves(string input, string stored) => Assert.Equal(stored, Dni.Normalize(input));

    [Fact]
    public void A_DNI_with_its_check_character_is_accepted_only_when_the_character_matches()
    {
        // Σ(1..8 · 3,2,7,6,5,4,3,2) = 138, 11 − 138 mod 11 = 5: digit "1", letter "E".
        Assert.Equal(('1', 'E'), Dni.CheckCharacter("12345678"));
        Assert.Equal("12345678", Dni.Normalize("12345678-1"));
        Assert.Equal("12345678", Dni.Normalize("12345678e"));
        Assert.Null(Dni.Normalize("12345678-2"));
    }

    [Theory]
    [InlineData("1234567")]
    [InlineData("1234567A")]
    [InlineData("123456789012")]
    public void Malformed_DNIs_are_invalid(string dni) => Assert.False(Dni.IsValid(dni));
}
