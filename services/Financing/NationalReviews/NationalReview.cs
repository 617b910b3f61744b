using RedesPlataforma.Financing.Networks;
using RedesPlataforma.Financing.Plans;

namespace RedesPlataforma.Financing.NationalReviews;

public enum ReviewStatus { Pending, Approved, Rejected, Returned }

/// <summary>
/// What the national unit sees of one submission of a plan on a national programme: the figures the programme's rules
/// are checked on, the network's chain, region and size, and the decision. Nothing else of the tenant (titles,
/// objectives, budget lines, producers) is copied here. Each submission writes a new row, in the submission's own
/// transaction, as the tenant; the tenant can insert it but never read it back (the table's row-level security, see
/// docs/decisions/0006-financing-programmes-visibility.md). Not <c>ITenantOwned</c>: the national unit, which has no
/// tenant, reads and decides rows of every tenant.
/// </summary>
public sealed class NationalReview
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The plan's tenant: the only tenant the decision ever acts in.</summary>
    public Guid TenantId { get; init; }
    public Guid PlanId { get; init; }
    public Guid ProgrammeId { get; init; }
    public required string ValueChainCode { get; init; }
    public required string RegionCode { get; init; }
    public int MemberCount { get; init; }

    public decimal ProgrammeFundsPen { get; init; }
    public decimal NetworkCashPen { get; init; }
    public decimal NetworkInKindPen { get; init; }
    public decimal TotalPen { get; init; }

    /// <summary>Programme funds the national unit has paid to the plan so far.</summary>
    public decimal DisbursedPen { get; set; }

    public ReviewStatus Status { get; set; }
    public DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; set; }
    public Guid? DecidedBy { get; set; }
    public string? DecidedByName { get; set; }

    /// <summary>The approval's comment, or the reason for a rejection or a return.</summary>
    public string? Comment { get; set; }

    public decimal NetworkContributionPen => NetworkCashPen + NetworkInKindPen;

    /// <summary>The copy made when a tenant submits a plan on a national programme: what the decision needs, no more.</summary>
    public static NationalReview Of(BusinessPlan plan, FundableNetwork network, DateTimeOffset submittedAt) => new()
    {
        TenantId = plan.TenantId, PlanId = plan.Id, ProgrammeId = plan.ProgrammeId, ValueChainCode = network.ValueChainCode,
        RegionCode = network.RegionCode, MemberCount = network.MemberCount, ProgrammeFundsPen = plan.ProgrammeFundsPen,
        NetworkCashPen = plan.NetworkCashPen, NetworkInKindPen = plan.NetworkInKindPen, TotalPen = plan.TotalPen,
        Status = ReviewStatus.Pending, SubmittedAt = submittedAt,
    };

    /// <summary>True while the plan still has the figures this review was made from (it cannot be edited once submitted).</summary>
    public bool Matches(BusinessPlan plan) =>
        plan.Status == PlanStatus.Submitted && plan.ProgrammeId == ProgrammeId && plan.TotalPen == TotalPen &&
        plan.ProgrammeFundsPen == ProgrammeFundsPen && plan.NetworkCashPen == NetworkCashPen && plan.NetworkInKindPen == NetworkInKindPen;
}
