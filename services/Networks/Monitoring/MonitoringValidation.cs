using System.ComponentModel.DataAnnotations;

namespace RedesPlataforma.Networks.Monitoring;

/// <summary>
/// A quantity stored as numeric(14,2): not negative, at most two decimals, below 10¹². Used for PEN amounts
/// (which are never floating point) and for volumes and productivity.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class AmountAttribute() : ValidationAttribute("The {0} field must be zero or more, with at most two decimals. / El monto debe ser cero o mayor, con dos decimales como máximo.")
{
    const decimal Limit = 1_000_000_000_000m;

    public override bool IsValid(object? value) => value switch
    {
        null => true,
        decimal amount => amount >= 0 && amount < Limit && amount == Math.Round(amount, 2),
        _ => false,
    };
}

/// <summary>A list of short labels: each one non-blank and at most <paramref name="maxLength"/> characters.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class LabelsAttribute(int maxLength) : ValidationAttribute($"Each item of {{0}} must be non-blank text of at most {maxLength} characters. / Cada elemento debe ser un texto no vacío de hasta {maxLength} caracteres.")
{
    public override bool IsValid(object? value) =>
        value is null || (value is IEnumerable<string?> items && items.All(i => !string.IsNullOrWhiteSpace(i) && i.Trim().Length <= maxLength));
}
