using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.Financing.NationalReviews;
using RedesPlataforma.Financing.Networks;
using RedesPlataforma.Financing.Plans;
using static RedesPlataforma.Financing.Tests.Plans;

namespace RedesPlataforma.Financing.Tests;

/// <summary>Disbursements and contributions on a plan, and the national unit's one decision on a review.</summary>
public sealed class FundingTests
{
    [Theory]
    [InlineData(PlanStatus.Approved)]
    [InlineData(PlanStatus.InExecution)]
    public void An_approved_plan_is_paid_up_to_its_programme_funds_and_no_further(PlanStatus status)
    {
        var plan = In(status);
        Assert.Null(plan.Disburse(2_500.50m));
        Assert.Null(plan.Disburse(4_000m));
        var refusal = plan.Disburse(499.51m);
        Assert.Equal(new Refusal(422, "amountPen",
            "Only 499.50 of the approved programme funds remain to be disbursed. / Solo quedan 499.50 de los fondos aprobados por desembolsar."), refusal);
        Assert.Null(plan.Disburse(499.50m));
        Assert.Equal(7_000m, plan.DisbursedPen);
        Assert.Null(plan.RefuseContribution());
    }

    [Theory]
    [InlineData(PlanStatus.Draft)]
    [InlineData(PlanStatus.Submitted)]
    [InlineData(PlanStatus.Rejected)]
    [InlineData(PlanStatus.Returned)]
    [InlineData(PlanStatus.Closed)]
    public void A_plan_not_approved_or_in_execution_receives_no_funds_and_records_no_contributions(PlanStatus status)
    {
        var plan = In(status);
        Assert.Equal(new Refusal(409, "status",
            $"Only approved plans receive disbursements; this one is {status}. / Solo los planes aprobados reciben desembolsos; este está en {status}."), plan.Disburse(1m));
        Assert.Equal(0m, plan.DisbursedPen);
        Assert.Equal((409, "status"), (plan.RefuseContribution()!.Status, plan.RefuseContribution()!.Field));
    }

    static NationalReview Reviewed(BusinessPlan plan) =>
        NationalReview.Of(plan, new FundableNetwork { Id = plan.NetworkId, ValueChainCode = "quinua", RegionCode = "PE-PUN", MemberCount = 12 }, At);

    [Fact]
    public void A_review_copies_only_the_figures_the_decision_needs_and_matches_the_plan_while_it_is_submitted_unchanged()
    {
        var plan = In(PlanStatus.Submitted);
        var review = Reviewed(plan);
        Assert.Equal((plan.TenantId, plan.Id, 10_000m, 7_000m, 3_000m, "quinua", 12, ReviewStatus.Pending),
            (review.TenantId, review.PlanId, review.TotalPen, review.ProgrammeFundsPen, review.NetworkContributionPen, review.ValueChainCode, review.MemberCount, review.Status));
        Assert.True(review.Matches(plan));

        plan.Recompute([Line(7_000m, 2_000m, 1_000.01m)]);
        Assert.False(review.Matches(plan));
        Assert.False(Reviewed(In(PlanStatus.Returned)).Matches(In(PlanStatus.Returned)));
    }

    [Theory]
    [InlineData(ReviewStatus.Approved)]
    [InlineData(ReviewStatus.Rejected)]
    [InlineData(ReviewStatus.Returned)]
    public void A_review_is_decided_once(ReviewStatus outcome)
    {
        var review = Reviewed(In(PlanStatus.Submitted));
        Assert.Null(review.Decide(outcome, Ana, At, "motivo"));
        Assert.Equal((outcome, (DateTimeOffset?)At, Ana.Id, Ana.Name, "motivo"), (review.Status, review.DecidedAt, review.DecidedBy, review.DecidedByName, review.Comment));

        var again = review.Decide(ReviewStatus.Approved, Ana, At.AddHours(1), "otra vez");
        Assert.Equal(new Refusal(409, "status",
            $"This submission is already {outcome}; it cannot become Approved. / Esta postulación ya está en {outcome}; no puede pasar a Approved."), again);
        Assert.Equal((outcome, "motivo"), (review.Status, review.Comment));
    }

    [Fact]
    public void Only_an_approved_review_counts_national_disbursements()
    {
        var review = Reviewed(In(PlanStatus.Submitted));
        Assert.Equal((409, "status"), (review.Disburse(100m)!.Status, review.Disburse(100m)!.Field));
        Assert.Null(review.Decide(ReviewStatus.Approved, Ana, At, null));
        Assert.Null(review.Disburse(100m));
        Assert.Null(review.Disburse(50.25m));
        Assert.Equal(150.25m, review.DisbursedPen);
    }
}
