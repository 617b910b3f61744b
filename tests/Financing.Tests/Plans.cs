using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Financing.Plans;
using RedesPlataforma.Financing.Programmes;

namespace RedesPlataforma.Financing.Tests;

/// <summary>Plans and programmes built in memory, moved only through their own steps.</summary>
static class Plans
{
    public static readonly DateTimeOffset At = new(2025, 3, 1, 14, 0, 0, TimeSpan.Zero);

    public sealed record Actor(Guid? Id, string? Name) : ICurrentUser;

    public static readonly Actor Ana = new(Guid.Parse("0194d6a1-0000-7000-8000-000000000001"), "Ana Quispe");

    public static BudgetLine Line(decimal programmeFunds, decimal cash, decimal inKind) => new()
    {
        Description = "Secadora", Quantity = 1, UnitCostPen = programmeFunds + cash + inKind, AmountPen = programmeFunds + cash + inKind,
        ProgrammeFundsPen = programmeFunds, NetworkCashPen = cash, NetworkInKindPen = inKind,
    };

    /// <summary>A drafted plan of 10 000: 7 000 programme funds, 2 000 network cash, 1 000 in kind (30% contribution).</summary>
    public static BusinessPlan Drafted()
    {
        var plan = BusinessPlan.Draft(Guid.NewGuid(), Guid.NewGuid(), "Planta de secado", "Secar quinua", Ana, At);
        plan.TenantId = Guid.NewGuid();
        plan.Recompute([Line(5_000m, 2_000m, 0m), Line(2_000m, 0m, 1_000m)]);
        return plan;
    }

    public static Programme Open(decimal budget = 1_000_000m, decimal maxPerPlan = 50_000m, decimal minShare = 0.30m) => new()
    {
        Name = "Procompite", Funder = "MEF", TotalBudgetPen = budget, MaxProgrammeFundsPerPlanPen = maxPerPlan, MinNetworkContributionShare = minShare,
    };

    /// <summary>A plan moved to <paramref name="status"/> by the workflow's own steps.</summary>
    public static BusinessPlan In(PlanStatus status)
    {
        var plan = Drafted();
        Func<BusinessPlan, Refusal?>[] path = status switch
        {
            PlanStatus.Draft => [],
            PlanStatus.Submitted => [p => p.Submit(Ana, At, null)],
            PlanStatus.Approved => [p => p.Submit(Ana, At, null), p => p.Approve(Open(), Ana, At, null)],
            PlanStatus.Rejected => [p => p.Submit(Ana, At, null), p => p.Reject(Ana, At, "Sin mercado")],
            PlanStatus.Returned => [p => p.Submit(Ana, At, null), p => p.Return(Ana, At, "Corregir")],
            PlanStatus.InExecution => [p => p.Submit(Ana, At, null), p => p.Approve(Open(), Ana, At, null), p => p.StartExecution(Ana, At, null)],
            PlanStatus.Closed => [p => p.Submit(Ana, At, null), p => p.Approve(Open(), Ana, At, null), p => p.StartExecution(Ana, At, null), p => p.Close(Ana, At, null)],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        foreach (var step in path) Assert.Null(step(plan));
        Assert.Equal(status, plan.Status);
        return plan;
    }
}
