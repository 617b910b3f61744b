using RedesPlataforma.BuildingBlocks.MultiTenancy;

namespace RedesPlataforma.Financing.Networks;

/// <summary>
/// This service's copy of a tenant's business network, kept from the Networks service's events. A plan can only be
/// made for one of these, of the plan's own tenant, that meets the programme's eligibility.
/// </summary>
public sealed class FundableNetwork : ITenantOwned
{
    public Guid Id { get; init; }
    public Guid TenantId { get; set; }

    /// <summary>False while only a phase or membership event has arrived, before NetworkFormed.</summary>
    public bool IsFormed { get; set; }

    public string ValueChainCode { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public Guid SpecialistId { get; set; }
    public int Phase { get; set; }
    public int MemberCount { get; set; }

    /// <summary>The date of the newest phase fact applied; older ones arriving late are ignored.</summary>
    public DateOnly PhaseOn { get; set; } = DateOnly.MinValue;

    /// <summary>The date of the newest membership count applied.</summary>
    public DateOnly MembersOn { get; set; } = DateOnly.MinValue;

    /// <summary>The date of the newest specialist assignment applied.</summary>
    public DateOnly SpecialistOn { get; set; } = DateOnly.MinValue;
}
