namespace RedesPlataforma.Networks.ValueChains;

/// <summary>The national value-chain catalogue every tenant starts from; tenants add their own beside it.</summary>
public static class NationalValueChains
{
    public static readonly IReadOnlyList<ValueChain> All =
    [
        new() { Code = "cuy", NameEs = "Cuy", NameEn = "Guinea pig" },
        new() { Code = "dairy", NameEs = "Leche", NameEn = "Dairy" },
        new() { Code = "dairy-derivatives", NameEs = "Derivados lácteos", NameEn = "Dairy derivatives" },
        new() { Code = "canihua", NameEs = "Cañihua", NameEn = "Cañihua" },
        new() { Code = "quinoa", NameEs = "Quinua", NameEn = "Quinoa" },
        new() { Code = "granadilla", NameEs = "Granadilla", NameEn = "Sweet granadilla" },
        new() { Code = "mango", NameEs = "Mango", NameEn = "Mango" },
        new() { Code = "coffee", NameEs = "Café", NameEn = "Coffee" },
        new() { Code = "cacao", NameEs = "Cacao", NameEn = "Cocoa" },
        new() { Code = "native-potato", NameEs = "Papa nativa", NameEn = "Native potato" },
        new() { Code = "alpaca-fibre", NameEs = "Fibra de alpaca", NameEn = "Alpaca fibre" },
        new() { Code = "honey", NameEs = "Miel de abeja", NameEn = "Honey" },
        new() { Code = "trout", NameEs = "Trucha", NameEn = "Trout" },
        new() { Code = "avocado", NameEs = "Palta", NameEn = "Avocado" },
        new() { Code = "tara", NameEs = "Tara", NameEn = "Tara" },
        new() { Code = "maca", NameEs = "Maca", NameEn = "Maca" },
        new() { Code = "beans", NameEs = "Frijol", NameEn = "Beans" },
        new() { Code = "barley", NameEs = "Cebada", NameEn = "Barley" },
        new() { Code = "oca-olluco", NameEs = "Oca y olluco", NameEn = "Oca and olluco" },
        new() { Code = "handicrafts", NameEs = "Artesanía textil", NameEn = "Textile handicrafts" },
    ];
}
