using System.Globalization;
using System.Text;

namespace RedesPlataforma.Seed;

public enum Sex { Female, Male }

/// <summary>A made-up person: names in Peruvian order (given names, then paternal and maternal surnames).</summary>
public sealed record Person(string FirstNames, string LastNames, Sex Sex, int BirthYear, string Dni, string? Phone)
{
    public string FullName => $"{FirstNames} {LastNames}";
}

/// <summary>
/// Plausible rural Peruvian people, drawn from the caller's <see cref="Random"/> (so a fixed seed gives the same people):
/// Quechua and Aymara surnames weighted by region beside common Spanish ones, given names of the generations born
/// 1950–2000, DNIs of 8 digits that never repeat within one generator, mobile numbers for most.
/// DNIs and phones are fictitious.
/// </summary>
public sealed class PeopleGenerator(Random random, IEnumerable<string>? reservedDnis = null)
{
    private readonly HashSet<string> _dnis = [.. reservedDnis ?? []];

    private static readonly string[] FemaleNames =
    [
        "María", "Juana", "Rosa", "Carmen", "Lucía", "Julia", "Victoria", "Felícitas", "Teodora", "Justina", "Nélida", "Yolanda",
        "Elena", "Gregoria", "Hilda", "Marisol", "Sonia", "Flora", "Celestina", "Eusebia", "Delia", "Norma", "Yaneth", "Ruth",
        "Maribel", "Edith", "Silvia", "Nancy", "Santusa", "Paulina", "Vilma", "Irma", "Zenaida", "Sabina", "Leonarda", "Martha",
        "Luz", "Isabel", "Margarita", "Dominga", "Faustina", "Alejandrina", "Epifanía", "Rufina", "Eulalia", "Nieves", "Fortunata",
        "Rocío", "Yesica", "Ana", "Elsa", "Gladys", "Olga", "Lidia", "Mercedes", "Marleni", "Senobia", "Basilia", "Sisa", "Honorata",
    ];

    private static readonly string[] FemaleSecondNames = ["Luz", "Elena", "Rosa", "Isabel", "Esther", "Ángela", "Inés", "Beatriz", "Antonia", "Graciela"];

    private static readonly string[] MaleNames =
    [
        "Juan", "José", "Pedro", "Mario", "Wilber", "Fredy", "Edwin", "Rubén", "Hilario", "Valentín", "Teófilo", "Eulogio",
        "Fortunato", "Celestino", "Saturnino", "Percy", "Néstor", "Lucio", "Marcelino", "Julián", "Agustín", "Alejandro", "Hernán",
        "Eloy", "Raúl", "Germán", "Santos", "Isidro", "Fidel", "Cirilo", "Wilfredo", "Efraín", "Yuri", "Roger", "Edgar", "Máximo",
        "Apolinario", "Florencio", "Timoteo", "Bernardino", "Gregorio", "Dionisio", "Alberto", "Víctor", "Félix", "Nicolás",
        "Faustino", "Eusebio", "Cipriano", "Simeón", "Leoncio", "Ciriaco", "Jhon", "Elmer", "Walter", "Nilo",
    ];

    private static readonly string[] MaleSecondNames = ["Carlos", "Antonio", "Luis", "Alberto", "Manuel", "Enrique", "Américo", "Javier", "Rolando", "Mariano"];

    private static readonly string[] CommonSurnames =
    [
        "Flores", "Ramos", "Gutiérrez", "Sánchez", "García", "Rojas", "Torres", "Mendoza", "Vargas", "Cruz", "Ríos", "Castillo",
        "López", "Pérez", "Díaz", "Ramírez", "Huamán", "Quispe", "Chávez", "Vásquez", "Espinoza", "Salazar", "Cárdenas", "Palomino",
    ];

    private static readonly Dictionary<string, string[]> RegionalSurnames = new()
    {
        [DemoSnapshot.Cusco] = ["Quispe", "Huamán", "Ccahuana", "Huillca", "Ccori", "Cusi", "Tito", "Yupanqui", "Mamani", "Condori", "Ccallo",
            "Huarhua", "Puma", "Sullca", "Hancco", "Ccoa", "Chillihuani", "Auccapuma", "Huallpa", "Champi", "Sonco", "Layme"],
        [DemoSnapshot.Puno] = ["Mamani", "Condori", "Quispe", "Apaza", "Choque", "Ticona", "Chambi", "Coaquira", "Calsín", "Cutipa", "Larico",
            "Huanca", "Pari", "Yucra", "Cahuana", "Flores", "Machaca", "Ccama", "Illachura", "Turpo", "Quilca", "Aroquipa"],
        [DemoSnapshot.Apurimac] = ["Huamán", "Quispe", "Ccahuana", "Pillaca", "Huachaca", "Challco", "Sarmiento", "Oscco", "Taipe", "Huarcaya",
            "Huamaní", "Pumacayo", "Gonzales", "Contreras", "Allcca", "Huaraca", "Ccoicca", "Soto"],
        [DemoSnapshot.LimaProvincias] = ["Ramos", "Rojas", "Chumbes", "Tolentino", "Aquino", "Julca", "Rivera", "Paucar", "Espíritu", "Osorio",
            "Cajahuamán", "Vilcapoma", "Yauri", "Loarte", "Sotelo", "Reyes", "Bravo", "Huaringa"],
        [DemoSnapshot.Ancash] = ["Huerta", "Jamanca", "Milla", "Tarazona", "Villanueva", "Minaya", "Caushi", "Shuan", "Cacha", "Obregón",
            "Rurush", "Giraldo", "Sánchez", "Alvarado", "Huaranga", "Valverde", "Cochachin", "Maguiña"],
        [DemoSnapshot.Junin] = ["Poma", "Rojas", "Ticse", "Ccanto", "Huaynate", "Arauco", "Samaniego", "Ricse", "Canchanya", "Huamán",
            "Meza", "Orihuela", "Inga", "Cóndor", "Quispe", "Salvatierra", "Chuquillanqui", "Yupanqui"],
        [DemoSnapshot.Cajamarca] = ["Chávez", "Vásquez", "Cerquín", "Tasilla", "Terrones", "Llanos", "Mendoza", "Saucedo", "Becerra", "Cotrina",
            "Cieza", "Huamán", "Chilón", "Ocas", "Quispe", "Rodríguez", "Silva", "Bazán", "Marín", "Mejía", "Sangay", "Culqui"],
        [DemoSnapshot.Huanuco] = ["Tucto", "Espinoza", "Ambrosio", "Masgo", "Trujillo", "Albornoz", "Valdivia", "Condezo", "Nieto", "Cóndor",
            "Huaranga", "Pulido", "Tarazona", "Cajas", "Ponce", "Soto", "Rivera", "Figueroa"],
    };

    /// <summary>A producer born 1950–2000 (most in the 1960s–80s).</summary>
    public Person Producer(string region, Sex sex) => Make(region, sex, BirthYear(1950, 2000), phoneShare: 0.75);

    /// <summary>A specialist of the institution: younger, always reachable by phone.</summary>
    public Person Specialist(string region, Sex sex) => Make(region, sex, BirthYear(1968, 1998), phoneShare: 1.0);

    private Person Make(string region, Sex sex, int birthYear, double phoneShare)
    {
        var names = sex == Sex.Female ? FemaleNames : MaleNames;
        var first = Pick(names);
        if (random.NextDouble() < 0.35)
        {
            var second = Pick(sex == Sex.Female ? FemaleSecondNames : MaleSecondNames);
            if (second != first) first = $"{first} {second}";
        }
        var paternal = Surname(region);
        var maternal = Surname(region);
        while (maternal == paternal) maternal = Surname(region);
        var dni = Dni(birthYear);
        var phone = random.NextDouble() < phoneShare ? $"+51 9{random.Next(10, 100)} {random.Next(100, 1000)} {random.Next(100, 1000)}" : null;
        return new Person(first, $"{paternal} {maternal}", sex, birthYear, dni, phone);
    }

    private string Surname(string region) =>
        RegionalSurnames.TryGetValue(region, out var regional) && random.NextDouble() < 0.7 ? Pick(regional) : Pick(CommonSurnames);

    /// <summary>Two uniform draws averaged: a hump in the middle of the range, thin at both ends.</summary>
    private int BirthYear(int from, int to) => (random.Next(from, to + 1) + random.Next(from, to + 1) + 1) / 2;

    /// <summary>Lower numbers for older people, as RENIEC's numbering roughly goes; never the same number twice.</summary>
    private string Dni(int birthYear)
    {
        var (low, high) = birthYear switch { < 1965 => (0, 3), < 1981 => (2, 5), _ => (4, 8) };
        while (true)
        {
            var dni = $"{random.Next(low, high)}{random.Next(0, 10_000_000):D7}";
            if (dni != "00000000" && _dnis.Add(dni)) return dni;
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>"María Luz", "Quispe Ccahuana" → "maria.quispe": lower case ASCII for e-mail local parts.</summary>
    public static string EmailLocalPart(Person person)
    {
        static string Ascii(string text)
        {
            var builder = new StringBuilder();
            foreach (var c in text.Normalize(NormalizationForm.FormD))
                if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && char.IsAsciiLetter(c)) builder.Append(char.ToLowerInvariant(c));
            return builder.ToString();
        }
        return $"{Ascii(person.FirstNames.Split(' ')[0])}.{Ascii(person.LastNames.Split(' ')[0])}";
    }

    /// <summary>Accents and case ignored: "Huánuco" matches "Huanuco", "CAÑETE" matches "Cañete".</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim().Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(char.ToLowerInvariant(c));
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
