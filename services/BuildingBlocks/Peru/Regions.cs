namespace RedesPlataforma.BuildingBlocks.Peru;

/// <summary>A regional government's territory, coded by ISO 3166-2.</summary>
public sealed record Region(string Code, string Name, string DepartmentCode);

/// <summary>
/// The region layer over UBIGEO: the 24 departments and Callao, with department 15 split into
/// Lima Metropolitana (province 1501) and Lima Provincias (its other nine provinces). Codes are INEI's.
/// </summary>
public static class Regions
{
    public const string LimaMetropolitana = "PE-LMA";
    public const string LimaProvincias = "PE-LIM";

    public static readonly IReadOnlyList<Region> All =
    [
        new("PE-AMA", "Amazonas", "01"), new("PE-ANC", "Áncash", "02"), new("PE-APU", "Apurímac", "03"),
        new("PE-ARE", "Arequipa", "04"), new("PE-AYA", "Ayacucho", "05"), new("PE-CAJ", "Cajamarca", "06"),
        new("PE-CAL", "Callao", "07"), new("PE-CUS", "Cusco", "08"), new("PE-HUV", "Huancavelica", "09"),
        new("PE-HUC", "Huánuco", "10"), new("PE-ICA", "Ica", "11"), new("PE-JUN", "Junín", "12"),
        new("PE-LAL", "La Libertad", "13"), new("PE-LAM", "Lambayeque", "14"),
        new(LimaMetropolitana, "Lima Metropolitana", "15"), new(LimaProvincias, "Lima Provincias", "15"),
        new("PE-LOR", "Loreto", "16"), new("PE-MDD", "Madre de Dios", "17"), new("PE-MOQ", "Moquegua", "18"),
        new("PE-PAS", "Pasco", "19"), new("PE-PIU", "Piura", "20"), new("PE-PUN", "Puno", "21"),
        new("PE-SAM", "San Martín", "22"), new("PE-TAC", "Tacna", "23"), new("PE-TUM", "Tumbes", "24"),
        new("PE-UCA", "Ucayali", "25"),
    ];

    private static readonly Dictionary<string, Region> ByCode = All.ToDictionary(r => r.Code, StringComparer.OrdinalIgnoreCase);

    public static bool IsKnown(string? code) => code is not null && ByCode.ContainsKey(code);

    public static Region? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var region) ? region : null;

    /// <summary>The region of an INEI UBIGEO code (department, province or district: 2, 4 or 6 digits).</summary>
    public static Region? OfUbigeo(string ubigeo)
    {
        if (ubigeo.Length < 2) return null;
        var department = ubigeo[..2];
        if (department == "15")
        {
            if (ubigeo.Length < 4) return null;
            return Find(ubigeo[..4] == "1501" ? LimaMetropolitana : LimaProvincias);
        }
        return All.FirstOrDefault(r => r.DepartmentCode == department);
    }
}
