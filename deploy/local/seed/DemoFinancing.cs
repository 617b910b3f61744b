namespace RedesPlataforma.Seed;

/// <summary>Where a seeded plan ends up. The order is the workflow's: each state is reached through the ones before it.</summary>
public enum PlanTarget { Draft, Submitted, Returned, Rejected, Approved, InExecution, Closed }

/// <summary>
/// One tenant's joint business plans on the national programme: how many end in each state and, when the snapshot
/// fixes them, the exact totals of the plans that count (approved, in execution or closed). Amounts, lines, dates and
/// which networks get a plan are drawn from <see cref="RandomSeed"/>, so every run plans the same portfolio.
/// </summary>
public sealed record FinancingPortfolio(
    string Slug, int RandomSeed, IReadOnlyList<(PlanTarget Target, int Count)> Plans, decimal? CountedTotalPen, decimal? CountedContributionPen)
{
    public int CountedPlans => Plans.Where(p => DemoFinancing.Counts(p.Target)).Sum(p => p.Count);
}

/// <summary>
/// The national programme "Aliados II" and the plans tenants have on it. The published Agro Rural snapshot speaks of
/// a 3.2 M soles programme with 32 % put in by the networks: here that is the plans approved, in execution or closed,
/// which add up to exactly S/ 3,200,000.00, of which S/ 1,024,000.00 (32 %) is the networks' cash and in-kind
/// contribution and S/ 2,176,000.00 (68 %) programme funds. Plans still in draft, submitted, returned or rejected are
/// on top and do not count: no funds are committed to them. The programme's budget (S/ 2,400,000.00 of programme funds)
/// leaves room for the pending submissions, so the national unit can still approve them in the demo.
/// </summary>
public static class DemoFinancing
{
    public static readonly PublishProgrammeRequest AliadosII = new(
        Name: "Aliados II",
        Funder: "Agro Rural / MIDAGRI",
        TotalBudgetPen: 2_400_000m,
        StartsOn: new DateOnly(2025, 1, 1),
        EndsOn: new DateOnly(2027, 12, 31),
        MaxProgrammeFundsPerPlanPen: 120_000m,
        MinNetworkContributionShare: 0.30m,
        EligibleValueChains: [],
        EligibleRegions: [.. DemoSnapshot.RegionNames.Keys],
        // Co-financing starts with the strategic business plan (phase 3); the pilot plan of phase 2 is the network's own.
        MinPhase: 3);

    public static readonly FinancingPortfolio AgroRural = new(
        Slug: "agrorural",
        RandomSeed: 20250901,
        Plans:
        [
            (PlanTarget.Closed, 6), (PlanTarget.InExecution, 12), (PlanTarget.Approved, 6),
            (PlanTarget.Submitted, 3), (PlanTarget.Returned, 2), (PlanTarget.Rejected, 2), (PlanTarget.Draft, 3),
        ],
        CountedTotalPen: 3_200_000m,
        CountedContributionPen: 1_024_000m);

    /// <summary>One submission waiting, so the national unit's queue holds more than one institution's plans.</summary>
    public static readonly FinancingPortfolio Andina = new(
        Slug: "andina", RandomSeed: 20250902, Plans: [(PlanTarget.Submitted, 1)], CountedTotalPen: null, CountedContributionPen: null);

    public static readonly IReadOnlyList<FinancingPortfolio> All = [AgroRural, Andina];

    /// <summary>The states whose plans have programme funds committed: the ones the 3.2 M figure counts.</summary>
    public static bool Counts(PlanTarget target) => target is PlanTarget.Approved or PlanTarget.InExecution or PlanTarget.Closed;

    public static bool Counts(string status) => Enum.TryParse<PlanTarget>(status, out var target) && Counts(target);
}
