using System.Text;
using RedesPlataforma.Networks.Places;
using RedesPlataforma.Networks.Producers;

namespace RedesPlataforma.Bench.Networks;

public sealed record GeneratedProducer(string Dni, string FirstNames, string LastNames, Gender Gender, int BirthYear, District District, string Phone, DateOnly ConsentDate);

/// <summary>
/// Deterministic producers shaped like the Agro Rural snapshot: the eight regions it works in (Cusco heaviest), half women,
/// Andean surnames with their real skew (Quispe and Mamani are the commonest in Peru, so name searches hit many rows).
/// </summary>
public static class ProducerData
{
    private static readonly (string Region, int Weight)[] Regions =
        [("PE-CUS", 30), ("PE-PUN", 20), ("PE-APU", 10), ("PE-JUN", 10), ("PE-LIM", 8), ("PE-ANC", 8), ("PE-CAJ", 8), ("PE-HUC", 6)];

    private static readonly string[] Women = ["María", "Rosa", "Juana", "Carmen", "Lucía", "Ana", "Julia", "Elena", "Victoria", "Teresa", "Isabel", "Marleny", "Yeni", "Nilda", "Flor", "Hilda", "Sonia", "Norma", "Gladys", "Martha"];
    private static readonly string[] Men = ["José", "Juan", "Luis", "Carlos", "Pedro", "Jorge", "Mario", "Víctor", "Julio", "Alberto", "Wilber", "Edwin", "Félix", "Hugo", "Raúl", "Santos", "Teófilo", "Fidel", "Néstor", "Walter"];
    private static readonly (string Name, int Weight)[] Surnames =
    [
        ("Quispe", 12), ("Mamani", 9), ("Huamán", 6), ("Condori", 6), ("Flores", 5), ("Choque", 4), ("Ccama", 3), ("Apaza", 3),
        ("Mendoza", 3), ("Rojas", 3), ("Vargas", 3), ("Chávez", 3), ("Ramos", 3), ("García", 3), ("Torres", 2), ("Gutiérrez", 2),
        ("Huanca", 2), ("Cruz", 2), ("Ticona", 2), ("Cárdenas", 2), ("Vásquez", 2), ("Sánchez", 2), ("Castillo", 2), ("Ramírez", 2),
        ("Ccori", 1), ("Yupanqui", 1), ("Puma", 1), ("Cusi", 1), ("Layme", 1), ("Pari", 1), ("Illanes", 1), ("Ayma", 1),
    ];

    public static List<GeneratedProducer> Generate(int count, int seed = 42)
    {
        var random = new Random(seed);
        var districts = UbigeoCatalog.LoadDistricts().GroupBy(d => d.RegionCode).ToDictionary(g => g.Key, g => g.ToArray());
        var regionPicker = Picker(Regions.Select(r => (districts[r.Region], r.Weight)));
        var surnamePicker = Picker(Surnames.Select(s => (s.Name, s.Weight)));
        var producers = new List<GeneratedProducer>(count);
        for (var i = 0; i < count; i++)
        {
            var woman = random.Next(2) == 0;
            var region = regionPicker(random);
            var first = woman ? Women[random.Next(Women.Length)] : Men[random.Next(Men.Length)];
            if (random.Next(3) == 0) first += " " + (woman ? Women[random.Next(Women.Length)] : Men[random.Next(Men.Length)]);
            producers.Add(new GeneratedProducer(
                Dni: (10_000_000 + (long)i * 7_919 % 89_999_999).ToString("D8"),   // distinct for any i below 89,999,999
                FirstNames: first,
                LastNames: $"{surnamePicker(random)} {surnamePicker(random)}",
                Gender: woman ? Gender.Female : Gender.Male,
                BirthYear: 1945 + random.Next(60),
                District: region[random.Next(region.Length)],
                Phone: $"9{random.Next(10_000_000, 99_999_999)}",
                ConsentDate: new DateOnly(2024, 1, 1).AddDays(random.Next(600))));
        }
        return producers;
    }

    /// <summary>The import's CSV, written to a file (the service reads uploads from a buffered file too).</summary>
    public static async Task WriteCsvAsync(IEnumerable<GeneratedProducer> producers, string path)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        await writer.WriteLineAsync("dni,first_names,last_names,gender,birth_year,ubigeo,phone,consent,consent_date");
        foreach (var p in producers)
            await writer.WriteLineAsync($"{p.Dni},{p.FirstNames},{p.LastNames},{(p.Gender == Gender.Female ? "F" : "M")},{p.BirthYear},{p.District.Code},{p.Phone},si,{p.ConsentDate:yyyy-MM-dd}");
    }

    private static Func<Random, T> Picker<T>(IEnumerable<(T Item, int Weight)> weighted)
    {
        var table = weighted.SelectMany(w => Enumerable.Repeat(w.Item, w.Weight)).ToArray();
        return random => table[random.Next(table.Length)];
    }
}
