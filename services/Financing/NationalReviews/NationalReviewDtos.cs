using System.ComponentModel.DataAnnotations;
using RedesPlataforma.Financing.Plans;

namespace RedesPlataforma.Financing.NationalReviews;

/// <summary>
/// One submission as the national unit sees it: the figures the programme's rules need, the network's chain, region and
/// size, and the decision. <c>NetworkContributionShare</c> = (cash + in kind) / total, four decimals, for display.
/// </summary>
public sealed record NationalReviewDto(
    Guid Id, Guid PlanId, Guid TenantId, Guid ProgrammeId, string ValueChainCode, string RegionCode, int MemberCount,
    decimal ProgrammeFundsPen, decimal NetworkCashPen, decimal NetworkInKindPen, decimal TotalPen, decimal DisbursedPen,
    ReviewStatus Status, DateTimeOffset SubmittedAt, DateTimeOffset? DecidedAt, Guid? DecidedBy, string? DecidedByName, string? Comment)
{
    public decimal NetworkContributionPen => NetworkCashPen + NetworkInKindPen;
    public decimal NetworkContributionShare => Money.Share(NetworkContributionPen, TotalPen);

    public static readonly System.Linq.Expressions.Expression<Func<NationalReview, NationalReviewDto>> Projection = r => new NationalReviewDto(
        r.Id, r.PlanId, r.TenantId, r.ProgrammeId, r.ValueChainCode, r.RegionCode, r.MemberCount, r.ProgrammeFundsPen, r.NetworkCashPen,
        r.NetworkInKindPen, r.TotalPen, r.DisbursedPen, r.Status, r.SubmittedAt, r.DecidedAt, r.DecidedBy, r.DecidedByName, r.Comment);
}

/// <summary>A return sends the plan back to its specialist, so it says what to change.</summary>
public sealed record ReturnRequest([property: Required, StringLength(2000, MinimumLength = 3)] string Reason);

public sealed record ReviewFilter(ReviewStatus? Status, Guid? Programme, Guid? Tenant);
