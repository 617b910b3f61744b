namespace RedesPlataforma.Seed;

/// <summary><paramref name="Count"/> networks of one value chain in one region, their members drawn from
/// <paramref name="Provinces"/> (UBIGEO province names, accents and case ignored) or, when null, from the region's
/// rural provinces in <see cref="DemoSnapshot.RuralProvinces"/>.</summary>
public sealed record NetworkGroup(string Chain, string Region, int Count, IReadOnlyList<string>? Provinces = null);

/// <summary>
/// What one tenant's networks look like once seeded. Everything else (names, DNIs, districts, dates, amounts) is drawn
/// from <see cref="RandomSeed"/>, so every run plans exactly the same data.
/// </summary>
/// <param name="TrainedSpecialistsByRegion">Trained specialists the tenant ends up with, per region (its named demo
/// specialists included); null: only the named ones.</param>
/// <param name="NetworksByPhase">How many networks end in each phase (1 … 4); the sum is the number of networks.</param>
/// <param name="FemaleShare">Share of women among the members of women-led and of men-led networks.</param>
public sealed record SnapshotPlan(
    string Slug,
    int RandomSeed,
    int Producers,
    (int Min, int Max) NetworkSize,
    IReadOnlyList<NetworkGroup> Networks,
    int WomenLed,
    IReadOnlyDictionary<int, int> NetworksByPhase,
    IReadOnlyDictionary<string, int>? TrainedSpecialistsByRegion,
    int MonitoringYear,
    (double WomenLed, double MenLed) FemaleShare)
{
    public int NetworkCount => Networks.Sum(g => g.Count);
}

/// <summary>
/// The published Agro Rural snapshot (1,543 producers, 94 networks in 8 regions, 43 led by women, 191 trained
/// specialists) and a small second tenant so national figures differ from Agro Rural's. Chains are placed where they
/// are grown: granadilla, mango and coffee in the valleys of Junín, Cajamarca and Lima Provincias, alpaca fibre,
/// cañihua and quinoa on the Puno altiplano, cacao in Leoncio Prado.
/// </summary>
public static class DemoSnapshot
{
    public const string Cusco = "PE-CUS", Puno = "PE-PUN", Apurimac = "PE-APU", LimaProvincias = "PE-LIM",
        Ancash = "PE-ANC", Junin = "PE-JUN", Cajamarca = "PE-CAJ", Huanuco = "PE-HUC";

    public static readonly IReadOnlyDictionary<string, string> RegionNames = new Dictionary<string, string>
    {
        [Cusco] = "Cusco", [Puno] = "Puno", [Apurimac] = "Apurímac", [LimaProvincias] = "Lima Provincias",
        [Ancash] = "Áncash", [Junin] = "Junín", [Cajamarca] = "Cajamarca", [Huanuco] = "Huánuco",
    };

    /// <summary>Highland farming provinces, for chains without a place of their own (cuy, dairy, ...).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RuralProvinces = new Dictionary<string, string[]>
    {
        [Cusco] = ["Quispicanchi", "Calca", "Urubamba", "Anta", "Paruro", "Acomayo", "Canchis", "Paucartambo"],
        [Puno] = ["Puno", "Azángaro", "Huancané", "Lampa", "Melgar", "El Collao", "Chucuito"],
        [Apurimac] = ["Andahuaylas", "Abancay", "Chincheros", "Grau", "Aymaraes"],
        [LimaProvincias] = ["Huarochirí", "Yauyos", "Canta", "Huaral", "Cajatambo", "Oyón"],
        [Ancash] = ["Huaraz", "Carhuaz", "Yungay", "Recuay", "Huari", "Huaylas"],
        [Junin] = ["Huancayo", "Concepción", "Jauja", "Chupaca", "Tarma"],
        [Cajamarca] = ["Cajamarca", "San Marcos", "Celendín", "Chota", "San Miguel", "Cajabamba", "San Pablo"],
        [Huanuco] = ["Huánuco", "Ambo", "Pachitea", "Dos de Mayo", "Huamalíes"],
    };

    public static readonly SnapshotPlan AgroRural = new(
        Slug: "agrorural",
        RandomSeed: 20250314,
        Producers: 1543,
        NetworkSize: (8, 30),
        Networks:
        [
            // cuy 35
            new("cuy", Cusco, 6), new("cuy", Puno, 3), new("cuy", Apurimac, 6), new("cuy", LimaProvincias, 3),
            new("cuy", Ancash, 4), new("cuy", Junin, 4), new("cuy", Cajamarca, 6), new("cuy", Huanuco, 3),
            // dairy 16
            new("dairy", Cajamarca, 5, ["Cajamarca", "San Miguel", "Celendín", "Chota", "San Pablo"]),
            new("dairy", Puno, 3, ["Melgar", "Azángaro", "Lampa"]), new("dairy", Cusco, 2, ["Espinar", "Canchis", "Anta"]),
            new("dairy", Junin, 2, ["Jauja", "Concepción"]), new("dairy", Ancash, 1, ["Huaraz", "Recuay"]),
            new("dairy", LimaProvincias, 1, ["Cañete", "Huaral"]), new("dairy", Huanuco, 1, ["Lauricocha", "Dos de Mayo"]),
            new("dairy", Apurimac, 1, ["Andahuaylas"]),
            // dairy derivatives 6
            new("dairy-derivatives", Cajamarca, 2, ["Cajamarca", "Celendín", "San Miguel"]), new("dairy-derivatives", Puno, 1, ["Melgar"]),
            new("dairy-derivatives", Cusco, 1, ["Espinar", "Anta"]), new("dairy-derivatives", Junin, 1, ["Jauja", "Concepción"]),
            new("dairy-derivatives", Ancash, 1, ["Huaraz", "Carhuaz"]),
            // cañihua 4, quinoa 4
            new("canihua", Puno, 4, ["Azángaro", "Huancané", "Lampa", "Melgar"]),
            new("quinoa", Puno, 2, ["Puno", "Chucuito", "El Collao", "San Román"]), new("quinoa", Cusco, 1, ["Anta", "Canchis"]),
            new("quinoa", Apurimac, 1, ["Andahuaylas", "Chincheros"]),
            // granadilla 4, mango 4
            new("granadilla", Junin, 2, ["Concepción", "Chanchamayo"]), new("granadilla", LimaProvincias, 1, ["Huaral", "Huarochirí"]),
            new("granadilla", Cajamarca, 1, ["Cutervo", "Jaén"]),
            new("mango", LimaProvincias, 2, ["Huaura", "Barranca"]), new("mango", Ancash, 1, ["Casma"]), new("mango", Cajamarca, 1, ["Jaén"]),
            // 21 in other national chains
            new("native-potato", Cusco, 1, ["Paucartambo", "Calca"]), new("native-potato", Huanuco, 2, ["Huánuco", "Pachitea", "Ambo"]),
            new("native-potato", Apurimac, 1, ["Andahuaylas"]), new("native-potato", Junin, 1, ["Huancayo", "Concepción"]),
            new("alpaca-fibre", Puno, 2, ["Lampa", "Carabaya", "Melgar"]), new("alpaca-fibre", Cusco, 1, ["Espinar", "Canchis"]),
            new("honey", Apurimac, 1, ["Abancay", "Aymaraes"]), new("honey", Ancash, 1, ["Huaylas", "Yungay"]),
            new("trout", Puno, 1, ["Chucuito", "Puno"]), new("trout", Junin, 1, ["Tarma", "Jauja"]), new("trout", Huanuco, 1, ["Huánuco", "Ambo"]),
            new("avocado", LimaProvincias, 1, ["Huaral", "Cañete"]), new("avocado", Ancash, 1, ["Casma", "Huaylas"]),
            new("coffee", Junin, 1, ["Chanchamayo", "Satipo"]), new("coffee", Cajamarca, 2, ["Jaén", "San Ignacio"]),
            new("cacao", Huanuco, 1, ["Leoncio Prado"]),
            new("maca", Junin, 1, ["Junín"]),
            new("tara", Cajamarca, 1, ["Cajamarca", "San Marcos", "Cajabamba"]),
        ],
        WomenLed: 43,
        NetworksByPhase: new Dictionary<int, int> { [1] = 14, [2] = 33, [3] = 33, [4] = 14 },
        TrainedSpecialistsByRegion: new Dictionary<string, int>
        {
            [Cusco] = 26, [Puno] = 30, [Apurimac] = 22, [LimaProvincias] = 18,
            [Ancash] = 20, [Junin] = 25, [Cajamarca] = 32, [Huanuco] = 18,
        },
        MonitoringYear: 2025,
        FemaleShare: (0.62, 0.38));

    public static readonly SnapshotPlan Andina = new(
        Slug: "andina",
        RandomSeed: 20250611,
        Producers: 60,
        NetworkSize: (10, 20),
        Networks:
        [
            new("cuy", Cusco, 1, ["Quispicanchi", "Canchis"]), new("native-potato", Cusco, 1, ["Paucartambo", "Calca"]),
            new("quinoa", Puno, 1, ["Puno", "Chucuito"]), new("alpaca-fibre", Puno, 1, ["Lampa", "Carabaya"]),
        ],
        WomenLed: 2,
        NetworksByPhase: new Dictionary<int, int> { [1] = 1, [2] = 2, [3] = 1 },
        TrainedSpecialistsByRegion: null,
        MonitoringYear: 2025,
        FemaleShare: (0.6, 0.4));

    public static readonly IReadOnlyList<SnapshotPlan> All = [AgroRural, Andina];

    /// <summary>Checks the numbers add up, so a typo in the tables fails before anything is written.</summary>
    public static void Validate(SnapshotPlan plan)
    {
        var networks = plan.NetworkCount;
        if (plan.NetworksByPhase.Values.Sum() != networks)
            throw new InvalidOperationException($"{plan.Slug}: phases cover {plan.NetworksByPhase.Values.Sum()} networks, not {networks}");
        if (plan.WomenLed > networks) throw new InvalidOperationException($"{plan.Slug}: more women-led networks than networks");
        if (plan.Producers < networks * plan.NetworkSize.Min || plan.Producers > networks * plan.NetworkSize.Max)
            throw new InvalidOperationException($"{plan.Slug}: {plan.Producers} producers do not fit {networks} networks of {plan.NetworkSize}");
        if (plan.NetworksByPhase.Keys.Any(p => p is < 1 or > 4)) throw new InvalidOperationException($"{plan.Slug}: phases are 1 … 4");
        foreach (var group in plan.Networks)
            if (!RegionNames.ContainsKey(group.Region)) throw new InvalidOperationException($"{plan.Slug}: unknown region {group.Region}");
    }
}
