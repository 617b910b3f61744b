namespace RedesPlataforma.Networks.Places;

/// <summary>A UBIGEO district, the place every producer is registered in. Reference data shared by all tenants.</summary>
public sealed class District
{
    /// <summary>INEI code, 6 digits: department, province, district.</summary>
    public required string Code { get; init; }

    /// <summary>RENIEC's code for the same district; differs for several departments (e.g. Callao 07 vs 24).</summary>
    public required string ReniecCode { get; init; }

    public required string Name { get; init; }
    public required string ProvinceCode { get; init; }
    public required string ProvinceName { get; init; }
    public required string DepartmentCode { get; init; }
    public required string DepartmentName { get; init; }
    public required string RegionCode { get; init; }

    /// <summary>The UBIGEO table version the row came from; districts are created over time.</summary>
    public required string Version { get; init; }
}
