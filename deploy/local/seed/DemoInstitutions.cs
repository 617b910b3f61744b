namespace RedesPlataforma.Seed;

public sealed record DemoOrgUnit(string Name, string Kind, string RegionCode, string? Parent = null);

public sealed record DemoStaff(string FullName, string Email, string Role, string OrgUnit, IReadOnlyList<string> Regions, string Dni, string Phone);

public sealed record DemoInstitution(
    string Slug, string Name, string Kind, string Ruc, IReadOnlyList<string> Regions,
    string AdminFullName, string AdminEmail, IReadOnlyList<DemoOrgUnit> OrgUnits, IReadOnlyList<DemoStaff> Staff);

/// <summary>
/// The demo institutions. Agro Rural is the tenant the published snapshot describes (8 regions); the NGO exists so
/// national aggregates differ from a single tenant's figures. RUCs pass SUNAT's check digit
/// ((11 − Σ dᵢ·wᵢ mod 11) mod 10, weights 5,4,3,2,7,6,5,4,3,2). DNIs and phones are fictitious.
/// </summary>
public static class DemoInstitutions
{
    public const string Specialist = "Specialist";
    public const string Supervisor = "Supervisor";
    public const string Viewer = "Viewer";

    public static readonly DemoInstitution AgroRural = new(
        Slug: "agrorural",
        Name: "Programa de Desarrollo Productivo Agrario Rural - AGRO RURAL",
        Kind: "Public",
        Ruc: "20477936882",
        Regions: ["PE-CUS", "PE-PUN", "PE-APU", "PE-LIM", "PE-ANC", "PE-JUN", "PE-CAJ", "PE-HUC"],
        AdminFullName: "María Elena Torres Gutiérrez",
        AdminEmail: "admin@agrorural.demo.pe",
        OrgUnits:
        [
            new("Dirección Zonal Cusco", "DireccionZonal", "PE-CUS"),
            new("Dirección Zonal Puno", "DireccionZonal", "PE-PUN"),
            new("Dirección Zonal Apurímac", "DireccionZonal", "PE-APU"),
            new("Dirección Zonal Lima Provincias", "DireccionZonal", "PE-LIM"),
            new("Dirección Zonal Áncash", "DireccionZonal", "PE-ANC"),
            new("Dirección Zonal Junín", "DireccionZonal", "PE-JUN"),
            new("Dirección Zonal Cajamarca", "DireccionZonal", "PE-CAJ"),
            new("Dirección Zonal Huánuco", "DireccionZonal", "PE-HUC"),
            new("Agencia Zonal Quispicanchi", "AgenciaZonal", "PE-CUS", Parent: "Dirección Zonal Cusco"),
            new("Agencia Zonal Azángaro", "AgenciaZonal", "PE-PUN", Parent: "Dirección Zonal Puno"),
            new("Agencia Zonal Celendín", "AgenciaZonal", "PE-CAJ", Parent: "Dirección Zonal Cajamarca"),
        ],
        Staff:
        [
            new("Carmen Rosa Huamán Quispe", "carmen.huaman@agrorural.demo.pe", Supervisor, "Dirección Zonal Cusco", ["PE-CUS", "PE-APU"], "41235678", "+51 984 112 233"),
            new("Jorge Luis Mamani Condori", "jorge.mamani@agrorural.demo.pe", Viewer, "Dirección Zonal Puno", ["PE-PUN"], "42876513", "+51 951 224 310"),
            new("Rosa Elvira Quispe Ccahuana", "rosa.quispe@agrorural.demo.pe", Specialist, "Agencia Zonal Quispicanchi", ["PE-CUS"], "43561289", "+51 974 305 118"),
            new("Wilber Apaza Choque", "wilber.apaza@agrorural.demo.pe", Specialist, "Agencia Zonal Azángaro", ["PE-PUN"], "44120987", "+51 950 417 226"),
            new("Yolanda Huillca Sánchez", "yolanda.huillca@agrorural.demo.pe", Specialist, "Dirección Zonal Apurímac", ["PE-APU"], "45098712", "+51 983 509 341"),
        ]);

    public static readonly DemoInstitution Andina = new(
        Slug: "andina",
        Name: "Asociación Andina para el Desarrollo Rural",
        Kind: "Ngo",
        Ruc: "20451234561",
        Regions: ["PE-CUS", "PE-PUN"],
        AdminFullName: "Luis Alberto Ccori Paucar",
        AdminEmail: "admin@andina.demo.pe",
        OrgUnits:
        [
            new("Sede Cusco", "Sede", "PE-CUS"),
            new("Sede Puno", "Sede", "PE-PUN"),
        ],
        Staff:
        [
            new("Fredy Ccori Huamaní", "fredy.ccori@andina.demo.pe", Specialist, "Sede Cusco", ["PE-CUS"], "46231870", "+51 984 620 415"),
            new("Nélida Chambi Ticona", "nelida.chambi@andina.demo.pe", Specialist, "Sede Puno", ["PE-PUN"], "47310925", "+51 951 733 208"),
        ]);

    public static readonly IReadOnlyList<DemoInstitution> All = [AgroRural, Andina];
}
