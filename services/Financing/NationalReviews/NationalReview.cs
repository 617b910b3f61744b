using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Security;
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
/// tenant, reads and decides rows of every tenant. A review is decided once, from Pending; only an approved one is paid.
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

    /// <summary>Records the national unit's decision on a pending submission, or says it was decided already.</summary>
    public Refusal? Decide(ReviewStatus outcome, ICurrentUser by, DateTimeOffset at, string? comment)
    {
        if (Status != ReviewStatus.Pending) return Refusal.Conflict("status",
            $"This submission is already {Status}; it cannot become {outcome}. / Esta postulación ya está en {Status}; no puede pasar a {outcome}.");
        (Status, DecidedAt, DecidedBy, DecidedByName, Comment) = (outcome, at, by.Id, by.Name, comment);
        return null;
    }

    /// <summary>A tranche of national funds counted on the review; the plan itself refuses one beyond its approved funds.</summary>
    public Refusal? Disburse(decimal amountPen)
    {
        if (Status != ReviewStatus.Approved)
            return Refusal.Conflict("status", $"Only approved submissions receive disbursements; this one is {Status}. / " +
                $"Solo las postulaciones aprobadas reciben desembolsos; esta está en {Status}.");
        DisbursedPen += amountPen;
        return null;
    }

    /// <summary>True while the plan still has the figures this review was made from (it cannot be edited once submitted).</summary>
    public bool Matches(BusinessPlan plan) =>
        plan.Status == PlanStatus.Submitted && plan.ProgrammeId == ProgrammeId && plan.TotalPen == TotalPen &&
        plan.ProgrammeFundsPen == ProgrammeFundsPen && plan.NetworkCashPen == NetworkCashPen && plan.NetworkInKindPen == NetworkInKindPen;
}
