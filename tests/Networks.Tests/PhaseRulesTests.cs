using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.Networks.BusinessNetworks;

namespace RedesPlataforma.Networks.Tests;

/// <summary>The phase rules on their own, no database: which moves pass and which field a refusal names.</summary>
public sealed class PhaseRulesTests
{
    static readonly DateOnly Today = new(2025, 10, 1);
    static readonly DateOnly Previous = new(2025, 5, 1);

    static Refusal? Check(Phase from, Phase to, string? reason = null, bool hasRuc = false, DateOnly? on = null) =>
        PhaseRules.Check(new PhaseMove(from, to, on ?? new DateOnly(2025, 6, 1), reason), hasRuc, Previous, Today);

    [Theory]
    [InlineData(Phase.Preparation, Phase.PromotionAndSelection)]
    [InlineData(Phase.PromotionAndSelection, Phase.PilotBusinessPlan)]
    [InlineData(Phase.PilotBusinessPlan, Phase.StrategicBusinessPlan)]
    public void Advancing_one_step_is_allowed(Phase from, Phase to) => Assert.Null(Check(from, to));

    [Theory]
    [InlineData(Phase.Preparation, Phase.PilotBusinessPlan)]
    [InlineData(Phase.PromotionAndSelection, Phase.Consolidation)]
    [InlineData(Phase.Preparation, Phase.Consolidation)]
    public void Skipping_a_phase_is_a_conflict(Phase from, Phase to) => Assert.Equal((409, "toPhase"), Named(Check(from, to, hasRuc: true)));

    [Fact]
    public void Staying_in_the_same_phase_is_a_conflict() => Assert.Equal((409, "toPhase"), Named(Check(Phase.PilotBusinessPlan, Phase.PilotBusinessPlan)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Going_back_without_a_reason_is_refused(string? reason) =>
        Assert.Equal((422, "reason"), Named(Check(Phase.StrategicBusinessPlan, Phase.PromotionAndSelection, reason)));

    [Fact]
    public void Going_back_to_any_earlier_phase_with_a_reason_is_allowed() =>
        Assert.Null(Check(Phase.Consolidation, Phase.Preparation, "El mercado cerró; se replantea la oportunidad", hasRuc: true));

    [Fact]
    public void Consolidation_needs_a_RUC()
    {
        Assert.Equal((409, "ruc"), Named(Check(Phase.StrategicBusinessPlan, Phase.Consolidation)));
        Assert.Null(Check(Phase.StrategicBusinessPlan, Phase.Consolidation, hasRuc: true));
    }

    [Fact]
    public void A_date_in_the_future_or_before_the_previous_change_is_refused_and_the_bounds_themselves_are_allowed()
    {
        Assert.Equal((422, "on"), Named(Check(Phase.Preparation, Phase.PromotionAndSelection, on: Today.AddDays(1))));
        Assert.Equal((422, "on"), Named(Check(Phase.Preparation, Phase.PromotionAndSelection, on: Previous.AddDays(-1))));
        Assert.Null(Check(Phase.Preparation, Phase.PromotionAndSelection, on: Today));
        Assert.Null(Check(Phase.Preparation, Phase.PromotionAndSelection, on: Previous));
    }

    [Fact]
    public void An_unknown_phase_is_refused() => Assert.Equal((422, "toPhase"), Named(Check(Phase.Preparation, (Phase)9)));

    static (int, string?)? Named(Refusal? refusal) => refusal is null ? null : (refusal.Status, refusal.Field);
}
