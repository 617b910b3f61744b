using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.Reporting.Cells;

namespace RedesPlataforma.Reporting.Networks;

/// <summary>
/// A business network's current reportable state. Its events carry parts of it (formation, phase, leader, membership
/// counts), so each part remembers the sequence that set it. A row can exist before NetworkFormed arrives (a plan or a
/// monitoring record came first): it counts in no cell until it is formed.
/// </summary>
public sealed class Network : ITenantOwned, ICellSource
{
    public Guid Id { get; init; }
    public Guid TenantId { get; set; }
    public bool IsFormed { get; set; }
    public string RegionCode { get; set; } = "";
    public string ValueChain { get; set; } = "";
    public int? Phase { get; set; }
    public bool WomenLed { get; set; }
    public int Members { get; set; }
    public int FemaleMembers { get; set; }

    /// <summary>Kept by the plan consumer: a network with an approved plan is one the co-financing figures are built from.</summary>
    public int ApprovedPlans { get; set; }

    /// <summary>Kept by the monitoring consumer, likewise for monitoring figures.</summary>
    public int MonitoringRecords { get; set; }

    public long? FormedSequence { get; set; }
    public long? PhaseSequence { get; set; }
    public long? LeaderSequence { get; set; }
    public long? MembersSequence { get; set; }

    /// <summary>The phase its facts are counted at.</summary>
    public int FactPhase => Phase ?? Phases.Unknown;

    public IEnumerable<Cell> Cells()
    {
        if (!IsFormed) yield break;
        var financed = ApprovedPlans > 0;
        var monitored = MonitoringRecords > 0;
        yield return new NetworkCell
        {
            TenantId = TenantId, RegionCode = RegionCode, ValueChain = ValueChain, Phase = FactPhase,
            Networks = 1, WomenLedNetworks = WomenLed ? 1 : 0, Members = Members, FemaleMembers = FemaleMembers,
            FinancedNetworks = financed ? 1 : 0, FinancedMembers = financed ? Members : 0,
            MonitoredNetworks = monitored ? 1 : 0, MonitoredMembers = monitored ? Members : 0,
        };
    }
}

/// <summary>A fact that hangs off a network (plan, disbursement, contribution, monitoring record), counted at the network's current phase.</summary>
public interface INetworkFact : ICellSource
{
    int Phase { get; set; }
}

/// <summary>A network's monthly monitoring record; a correction of the same month replaces it.</summary>
public sealed class MonitoringRecord : ITenantOwned, INetworkFact
{
    public Guid TenantId { get; set; }
    public Guid NetworkId { get; init; }
    public DateOnly Period { get; init; }
    public string RegionCode { get; set; } = "";
    public string ValueChain { get; set; } = "";
    public int Phase { get; set; }
    public decimal Sales { get; set; }
    public decimal AverageMemberNetIncome { get; set; }
    public decimal? IncomeChangePercent { get; set; }
    public long? Sequence { get; set; }

    public IEnumerable<Cell> Cells()
    {
        var total = new MonitoringCell
        {
            TenantId = TenantId, RegionCode = RegionCode, ValueChain = ValueChain, Phase = Phase, MonitoringRecords = 1, Sales = Sales,
            IncomeChangeSum = IncomeChangePercent ?? 0m, IncomeChangeRecords = IncomeChangePercent is null ? 0 : 1,
        };
        return [total, total.InMonth(Period)];
    }
}
