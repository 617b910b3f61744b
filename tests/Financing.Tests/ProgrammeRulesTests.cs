using RedesPlataforma.BuildingBlocks.Http;
using static RedesPlataforma.Financing.Tests.Plans;

namespace RedesPlataforma.Financing.Tests;

/// <summary>The programme's approval rules (<c>Programme.Commit</c>), on exact amounts, and its closing.</summary>
public sealed class ProgrammeRulesTests
{
    [Fact]
    public void A_plan_within_every_rule_commits_its_programme_funds()
    {
        var programme = Open();
        Assert.Null(programme.Commit(10_000m, 7_000m, 3_000m));
        Assert.Equal((7_000m, 993_000m), (programme.CommittedPen, programme.RemainingPen));
    }

    [Fact]
    public void The_contribution_share_is_compared_exactly_so_a_centimo_short_of_the_minimum_is_refused()
    {
        Assert.Null(Open().Commit(10_000m, 7_000m, 3_000m));
        var refusal = Open().Commit(10_000m, 7_000.01m, 2_999.99m);
        Assert.Equal((422, "networkContributionShare"), Named(refusal));
        Assert.StartsWith("The network contributes 2999.99 of 10000.00; the programme asks for at least 30", refusal!.Detail);
    }

    [Fact]
    public void A_plan_without_a_total_is_refused_on_its_contribution_share() =>
        Assert.Equal((422, "networkContributionShare"), Named(Open(minShare: 0m).Commit(0m, 0m, 0m)));

    [Fact]
    public void Programme_funds_beyond_the_per_plan_maximum_are_refused()
    {
        Assert.Null(Open(maxPerPlan: 7_000m).Commit(10_000m, 7_000m, 3_000m));
        var programme = Open(maxPerPlan: 6_999.99m);
        Assert.Equal((422, "programmeFundsPen"), Named(programme.Commit(10_000m, 7_000m, 3_000m)));
        Assert.Equal(0m, programme.CommittedPen);
    }

    [Fact]
    public void Programme_funds_beyond_what_is_left_to_commit_conflict()
    {
        var programme = Open(budget: 10_000m);
        Assert.Null(programme.Commit(10_000m, 7_000m, 3_000m));
        var refusal = programme.Commit(10_000m, 3_000.01m, 7_000m);
        Assert.Equal(new Refusal(409, "programmeFundsPen", "The programme has 3000.00 left to commit. / Al programa le quedan 3000.00 por comprometer."), refusal);
        Assert.Null(programme.Commit(10_000m, 3_000m, 7_000m));
        Assert.Equal(0m, programme.RemainingPen);
    }

    [Fact]
    public void A_closed_programme_takes_no_plans_approvals_or_changes()
    {
        var programme = Open();
        Assert.Null(programme.RefuseNewPlans());
        Assert.Null(programme.RefuseChange());
        programme.ClosedAt = At;
        Assert.Equal((409, "programmeId"), Named(programme.RefuseNewPlans()));
        Assert.Equal((409, "programmeId"), Named(programme.Commit(10_000m, 7_000m, 3_000m)));
        Assert.Equal((409, "id"), Named(programme.RefuseChange()));
        Assert.Equal(0m, programme.CommittedPen);
    }

    static (int, string?)? Named(Refusal? refusal) => refusal is null ? null : (refusal.Status, refusal.Field);
}
