using RedesPlataforma.BuildingBlocks.Peru;

namespace RedesPlataforma.BuildingBlocks.Tests;

public sealed class FoldedTextTests
{
    [Theory]
    [InlineData("Jornal de MARIA quispe-huaman (lideresa)", true)]
    [InlineData("Taller: María  Quispe\tHuamán.", true)]
    [InlineData("Ficha_Maria_Quispe_Huaman.jpg", true)]
    [InlineData("Jornal de Mariano Quispe Huamán", false)]
    [InlineData("Jornal de María Quispe Huamaní", false)]
    [InlineData("María Huamán Quispe", false)]
    [InlineData(null, false)]
    public void A_text_names_a_person_when_their_words_appear_in_a_row_whatever_the_case_accents_and_punctuation(string? text, bool names) =>
        Assert.Equal(names, FoldedText.Mentions(text, "María Quispe Huamán"));
}
