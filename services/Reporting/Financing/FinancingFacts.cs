using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.Reporting.Cells;
using RedesPlataforma.Reporting.Networks;

namespace RedesPlataforma.Reporting.Financing;

/// <summary>A funding programme's name, for the tenant's table by programme. National ones have no owner.</summary>
public sealed class Programme : ICellSource
{
    public Guid Id { get; init; }
    public Guid? OwnerTenantId { get; set; }
    public string Name { get; set; } = "";
    public string Funder { get; set; } = "";
    public decimal TotalBudget { get; set; }
    public long? Sequence { get; set; }

    public IEnumerable<Cell> Cells() => [];
}

/// <summary>The plan states the Financing service announces; returned, in-execution and closed plans publish nothing.</summary>
public enum PlanStatus { Submitted, Approved, Rejected }

/// <summary>A joint business plan; approved plans count their co-financing split in the month of approval.</summary>
public sealed class BusinessPlan : ITenantOwned, INetworkFact
{
    public Guid Id { get; init; }
    public Guid TenantId { get; set; }
    public Guid ProgrammeId { get; set; }
    public Guid NetworkId { get; init; }
    public string RegionCode { get; set; } = "";
    public string ValueChain { get; set; } = "";
    public int Phase { get; set; }
    public PlanStatus Status { get; set; }
    public decimal ProgrammeFunds { get; set; }
    public decimal NetworkCash { get; set; }
    public decimal NetworkInKind { get; set; }
    public DateOnly? ApprovedMonth { get; set; }
    public long? Sequence { get; set; }

    public IEnumerable<Cell> Cells()
    {
        if (Status != PlanStatus.Approved) return [];
        var total = new FinancingCell
        {
            TenantId = TenantId, RegionCode = RegionCode, ValueChain = ValueChain, Phase = Phase,
            PlansApproved = 1, ProgrammeFunds = ProgrammeFunds, NetworkCash = NetworkCash, NetworkInKind = NetworkInKind,
        };
        return [total, total.InMonth(ProgrammeId, ApprovedMonth!.Value)];
    }
}

/// <summary>Money that moved on an approved plan: a disbursement or an executed contribution. Facts: never changed once recorded.</summary>
public abstract class PlanMovement : ITenantOwned, INetworkFact
{
    public Guid Id { get; init; }
    public Guid TenantId { get; set; }
    public Guid PlanId { get; init; }
    public Guid ProgrammeId { get; init; }
    public Guid NetworkId { get; init; }
    public string RegionCode { get; init; } = "";
    public string ValueChain { get; init; } = "";
    public int Phase { get; set; }
    public DateOnly Month { get; init; }

    public IEnumerable<Cell> Cells()
    {
        var total = new FinancingCell { TenantId = TenantId, RegionCode = RegionCode, ValueChain = ValueChain, Phase = Phase };
        Measure(total);
        return [total, total.InMonth(ProgrammeId, Month)];
    }

    protected abstract void Measure(FinancingCell cell);
}

public sealed class Disbursement : PlanMovement
{
    public decimal Amount { get; init; }

    protected override void Measure(FinancingCell cell) => cell.Disbursed = Amount;
}

public sealed class Contribution : PlanMovement
{
    public decimal Cash { get; init; }
    public decimal InKind { get; init; }

    protected override void Measure(FinancingCell cell)
    {
        cell.ExecutedCash = Cash;
        cell.ExecutedInKind = InKind;
    }
}
