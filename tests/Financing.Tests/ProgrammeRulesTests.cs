using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.Financing.Programmes;
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

    [Fact]
    public void Budget_remains_while_a_plan_at_the_per_plan_maximum_still_fits_so_that_nothing_left_never_pins_the_committed_sum()
    {
        var programme = Open(budget: 100_000m, maxPerPlan: 50_000m);
        Assert.Null(programme.Commit(100_000m, 50_000m, 50_000m));
        Assert.True(programme.BudgetRemains);
        Assert.Null(programme.Commit(10_000m, 0.01m, 9_999.99m));
        Assert.False(programme.BudgetRemains);
        Assert.Equal(49_999.99m, programme.RemainingPen);
    }

    [Fact]
    public void The_totals_are_shown_to_the_owner_and_to_every_tenant_only_when_the_programme_is_public()
    {
        var (tenant, other) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var national = Open();
        Assert.Equal((true, false), (national.ShowsTotalsTo(null), national.ShowsTotalsTo(tenant)));
        national.IsPublic = true;
        Assert.True(national.ShowsTotalsTo(tenant));
        var own = new Programme { OwnerTenantId = tenant, Name = "Propio", Funder = "Municipio" };
        Assert.Equal((true, false, false), (own.ShowsTotalsTo(tenant), own.ShowsTotalsTo(other), own.ShowsTotalsTo(null)));
    }

    static (int, string?)? Named(Refusal? refusal) => refusal is null ? null : (refusal.Status, refusal.Field);
}
