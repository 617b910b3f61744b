using System.Globalization;
using RedesPlataforma.BuildingBlocks.Peru;
using Sylvan.Data.Csv;

namespace RedesPlataforma.Networks.Places;

/// <summary>The districts shipped in Places/Data/ubigeo (embedded in the assembly), with their region.</summary>
public static class UbigeoCatalog
{
    public const string Version = "ubigeo-peru-aumentado-2021";

    public static IReadOnlyList<District> LoadDistricts()
    {
        var provinceByReniec = new Dictionary<string, string>();
        using (var provinces = Open("ubigeo_provincia.csv"))
            while (provinces.Read()) provinceByReniec[provinces.GetString(provinces.GetOrdinal("reniec"))[..4]] = provinces.GetString(provinces.GetOrdinal("inei"))[..4];

        using var csv = Open("ubigeo_distrito.csv");
        var districts = new List<District>(1900);
        while (csv.Read())
        {
            var reniec = csv.GetString(csv.GetOrdinal("reniec"));
            var code = csv.GetString(csv.GetOrdinal("inei")) is { Length: 6 } inei ? inei : DeriveIneiCode(reniec, provinceByReniec);
            districts.Add(new District
            {
                Code = code,
                ReniecCode = reniec,
                Name = TitleCase(csv.GetString(csv.GetOrdinal("distrito"))),
                ProvinceCode = code[..4],
                ProvinceName = TitleCase(csv.GetString(csv.GetOrdinal("provincia"))),
                DepartmentCode = code[..2],
                DepartmentName = TitleCase(csv.GetString(csv.GetOrdinal("departamento"))),
                RegionCode = Regions.OfUbigeo(code)?.Code ?? throw new InvalidDataException($"No region for UBIGEO {code}."),
                Version = Version,
            });
        }
        return districts;
    }

    /// <summary>
    /// Districts created after the table's INEI column was filled (San Antonio, Moquegua, 2021) carry only RENIEC's code.
    /// INEI numbers the new district within its province the same way, so its code is the INEI province plus RENIEC's suffix.
    /// </summary>
    private static string DeriveIneiCode(string reniec, Dictionary<string, string> provinceByReniec) =>
        provinceByReniec.TryGetValue(reniec[..4], out var province)
            ? province + reniec[4..]
            : throw new InvalidDataException($"District {reniec} has no INEI code and its province is unknown.");

    // Names contain commas inside quotes: a real CSV parser, not string.Split.
    private static CsvDataReader Open(string file)
    {
        var stream = typeof(UbigeoCatalog).Assembly.GetManifestResourceStream($"ubigeo/{file}")
            ?? throw new InvalidOperationException($"{file} is not embedded in the assembly.");
        return CsvDataReader.Create(new StreamReader(stream));
    }

    private static string TitleCase(string upper) => CultureInfo.GetCultureInfo("es-PE").TextInfo.ToTitleCase(upper.ToLowerInvariant());
}
