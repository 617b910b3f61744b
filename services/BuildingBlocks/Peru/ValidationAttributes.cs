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

/// <summary>
/// A date the platform records (a consent, a measurement, a month, a programme's span, a payment): from 1990, before
/// any of the programmes it serves, to 2100. Outside that it is a typing slip or a probe (0001-01-01, 9999-12-31), and
/// date arithmetic at the edges of <see cref="DateOnly"/> would overflow. Whether a date may lie in the future is each
/// field's own rule.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class PlausibleDateAttribute() : ValidationAttribute(
    "The {0} field must be a date from 1990-01-01 to 2100-12-31. / La fecha debe estar entre el 1990-01-01 y el 2100-12-31.")
{
    public static readonly DateOnly Earliest = new(1990, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);

    public override bool IsValid(object? value) => value is not DateOnly date || (date >= Earliest && date <= Latest);
}
