using RedesPlataforma.BuildingBlocks.Peru;

namespace RedesPlataforma.BuildingBlocks.Tests;

public sealed class RegionsTests
{
    [Fact]
    public void There_are_24_departments_plus_Callao_with_Lima_split_in_two() => Assert.Equal(26, Regions.All.Count);

    [Theory]
    [InlineData("150101", Regions.LimaMetropolitana)] // Lima, Lima, Lima
    [InlineData("150801", Regions.LimaProvincias)]    // Huaura, Huacho
    [InlineData("070101", "PE-CAL")]                  // Callao by INEI code
    [InlineData("080101", "PE-CUS")]                  // Cusco
    [InlineData("210101", "PE-PUN")]                  // Puno
    public void A_UBIGEO_district_falls_in_its_region(string ubigeo, string region) => Assert.Equal(region, Regions.OfUbigeo(ubigeo)?.Code);

    [Fact]
    public void The_department_alone_cannot_tell_which_Lima_it_is() => Assert.Null(Regions.OfUbigeo("15"));
}
