using RedesPlataforma.Financing.Plans;

namespace RedesPlataforma.Financing.Tests;

/// <summary>Budget lines and the co-financing split the plan's totals are computed from.</summary>
public sealed class PlanLinesTests
{
    static BudgetLineRequest Line(decimal quantity = 2, decimal unitCost = 1_500m, decimal programme = 2_000m, decimal cash = 700m, decimal inKind = 300m) =>
        new(BudgetCategory.Equipment, "  Secadora solar ", quantity, unitCost, programme, cash, inKind);

    [Fact]
    public void Lines_keep_their_order_and_split_and_the_plans_totals_are_their_sums()
    {
        var planId = Guid.NewGuid();
        var (lines, refusal) = PlanLines.Build(planId, [Line(), Line(quantity: 1, unitCost: 1_000m, programme: 500m, cash: 0m, inKind: 500m)]);
        Assert.Null(refusal);
        Assert.NotNull(lines);
        Assert.Equal([(0, 3_000m, "Secadora solar"), (1, 1_000m, "Secadora solar")], lines.Select(l => (l.Position, l.AmountPen, l.Description)));
        Assert.All(lines, l => Assert.Equal(planId, l.PlanId));

        var plan = Plans.Drafted();
        plan.Recompute(lines);
        Assert.Equal((4_000m, 2_500m, 700m, 800m, 1_500m), (plan.TotalPen, plan.ProgrammeFundsPen, plan.NetworkCashPen, plan.NetworkInKindPen, plan.NetworkContributionPen));
    }

    [Fact]
    public void A_lines_amount_is_quantity_times_unit_cost_rounded_half_away_from_zero_and_the_split_must_add_up_to_it()
    {
        var (lines, refusal) = PlanLines.Build(Guid.NewGuid(), [Line(quantity: 1.5m, unitCost: 0.33m, programme: 0.50m, cash: 0m, inKind: 0m)]);
        Assert.Null(refusal);
        Assert.Equal(0.50m, Assert.Single(lines!).AmountPen);

        (lines, refusal) = PlanLines.Build(Guid.NewGuid(), [Line(programme: 2_000.01m)]);
        Assert.Null(lines);
        Assert.Equal((422, "lines[0].programmeFundsPen"), (refusal!.Status, refusal.Field));
        Assert.Contains("3000.00", refusal.Detail);
    }

    [Theory]
    [InlineData(0, 1_500, 2_000, 700, 300, "lines[0].quantity")]
    [InlineData(2, 0, 0, 0, 0, "lines[0].unitCostPen")]
    [InlineData(2, 1_500.001, 2_000, 700, 300, "lines[0].unitCostPen")]
    [InlineData(2, 1_500, -1, 701, 300, "lines[0].programmeFundsPen")]
    [InlineData(2, 1_500, 2_000, 1_000.005, 300, "lines[0].networkCashPen")]
    [InlineData(2, 1_500, 2_000, 700, -300, "lines[0].networkInKindPen")]
    [InlineData(2, 999_999_999_999, 0, 0, 0, "lines[0].amountPen")]
    public void A_bad_amount_is_refused_with_the_field_at_fault(double quantity, double unitCost, double programme, double cash, double inKind, string field)
    {
        var (lines, refusal) = PlanLines.Build(Guid.NewGuid(),
            [Line(), Line((decimal)quantity, (decimal)unitCost, (decimal)programme, (decimal)cash, (decimal)inKind)]);
        Assert.Null(lines);
        Assert.Equal((422, field.Replace("[0]", "[1]")), (refusal!.Status, refusal.Field));
    }

    [Fact]
    public void A_line_funded_by_the_network_alone_or_by_the_programme_alone_is_accepted() =>
        Assert.Null(PlanLines.Build(Guid.NewGuid(), [Line(programme: 0m, cash: 3_000m, inKind: 0m), Line(programme: 3_000m, cash: 0m, inKind: 0m)]).Refusal);

    [Fact]
    public void Lines_whose_sum_is_beyond_any_amount_are_refused_on_the_lines()
    {
        var half = Line(quantity: 1, unitCost: 600_000_000_000m, programme: 600_000_000_000m, cash: 0m, inKind: 0m);
        var (lines, refusal) = PlanLines.Build(Guid.NewGuid(), [half, half]);
        Assert.Null(lines);
        Assert.Equal((422, "lines"), (refusal!.Status, refusal.Field));
    }
}
