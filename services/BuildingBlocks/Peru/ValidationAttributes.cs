using System.ComponentModel.DataAnnotations;

namespace RedesPlataforma.BuildingBlocks.Peru;

/// <summary>An 11-digit RUC with a valid prefix and check digit.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class RucAttribute() : ValidationAttribute("The {0} field is not a valid RUC (11 digits, prefix 10/15/17/20, check digit). / El RUC no es válido.")
{
    public override bool IsValid(object? value) => value is null || Ruc.IsValid(value as string);
}

/// <summary>An 8-digit DNI, optionally with its check character.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class DniAttribute() : ValidationAttribute("The {0} field is not a valid DNI (8 digits). / El DNI no es válido.")
{
    public override bool IsValid(object? value) => value is null || Dni.IsValid(value as string);
}

/// <summary>Every element is a region code of <see cref="Regions"/>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class RegionCodesAttribute() : ValidationAttribute("The {0} field contains an unknown region code (use ISO 3166-2 codes such as PE-CUS or PE-LIM). / Código de región desconocido.")
{
    public override bool IsValid(object? value) => value switch
    {
        null => true,
        string code => Regions.IsKnown(code),
        IEnumerable<string> codes => codes.All(Regions.IsKnown),
        _ => false,
    };
}
