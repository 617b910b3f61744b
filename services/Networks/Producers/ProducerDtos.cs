using System.ComponentModel.DataAnnotations;
using RedesPlataforma.BuildingBlocks.Peru;

namespace RedesPlataforma.Networks.Producers;

/// <summary>
/// Register or replace a producer. <c>DistrictCode</c> is a UBIGEO district in <c>DistrictCoding</c> (INEI or RENIEC);
/// when that is omitted an INEI code is preferred and a RENIEC-only code accepted. The INEI code is what is stored.
/// </summary>
public sealed record ProducerRequest(
    [property: Required, Dni] string Dni,
    [property: Required, StringLength(ProducerRules.NameMaxLength)] string FirstNames,
    [property: Required, StringLength(ProducerRules.NameMaxLength)] string LastNames,
    [property: Required, EnumDataType(typeof(Gender))] Gender? Gender,
    [property: Required] int? BirthYear,
    [property: Required, RegularExpression("^[0-9]{6}$")] string DistrictCode,
    [property: EnumDataType(typeof(UbigeoCoding))] UbigeoCoding? DistrictCoding,
    [property: StringLength(ProducerRules.PhoneMaxLength), RegularExpression(ProducerRules.PhonePattern)] string? Phone,
    [property: Required] bool? ConsentGiven,
    [property: PlausibleDate] DateOnly? ConsentDate);

/// <summary>
/// A producer as read and written. <c>Version</c> is the ETag's value: send it back in If-Match to edit safely. Once
/// <c>ErasedAt</c> is set the producer is an anonymous member: no DNI, empty names, no phone, the birth year's decade.
/// </summary>
public sealed record ProducerDto(
    Guid Id, string? Dni, string FirstNames, string LastNames, Gender Gender, int BirthYear,
    string DistrictCode, string DistrictName, string RegionCode, string? Phone, bool ConsentGiven, DateOnly? ConsentDate,
    bool IsActive, Guid? RegisteredBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Version,
    DateTimeOffset? ErasedAt, DateOnly? ConsentWithdrawnOn);

public sealed record ProducerSummary(
    Guid Id, string? Dni, string FirstNames, string LastNames, Gender Gender, int BirthYear, string DistrictCode, string RegionCode, bool IsActive,
    string Version);

/// <summary>
/// List, search and export filters. <c>Search</c> is an exact DNI or words that must all appear in the name;
/// <c>Network</c> and <c>Chain</c> look at the producer's current memberships.
/// </summary>
public sealed record ProducerFilter(string? Search, string? Region, string? District, Gender? Gender, Guid? Network, string? Chain, bool? Active);

public sealed record IncomeRequest(
    [property: Required, EnumDataType(typeof(IncomeKind))] IncomeKind? Kind,
    [property: Required, PlausibleDate] DateOnly? MeasuredOn,
    [property: Required, PenAmount] decimal? AnnualNetIncomePen);

public sealed record IncomeDto(Guid Id, IncomeKind Kind, DateOnly MeasuredOn, decimal AnnualNetIncomePen, Guid? RecordedBy);

/// <summary>An amount in soles that fits <c>numeric(14,2)</c>: not negative, at most two decimals.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class PenAmountAttribute() : ValidationAttribute(
    "The {0} field must be an amount in soles of at least 0 with at most 2 decimals. / El monto en soles debe ser mayor o igual a 0 y tener como máximo 2 decimales.")
{
    public const decimal Max = 999_999_999_999.99m;

    public override bool IsValid(object? value) =>
        value is null || value is decimal amount && amount >= 0 && amount <= Max && decimal.Round(amount, 2) == amount;
}
