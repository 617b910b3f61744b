using RedesPlataforma.BuildingBlocks.MultiTenancy;

namespace RedesPlataforma.Reporting.Cells;

/// <summary>
/// A pre-aggregated row at one grain: its key columns (the primary key, tenant first) say where it sits, every other
/// column is a count or a sum that entity changes move by a delta (<see cref="CellChange"/>). Dashboards read only cells.
/// A measure's property name is unique across the cell types (<see cref="BreakdownCell"/> repeats them by design), so
/// the sums of several cell types merge by name.
/// </summary>
public abstract class Cell : ITenantOwned
{
    public Guid TenantId { get; set; }
}

/// <summary>The phase of a fact whose network has not been seen yet (its events travel on another queue).</summary>
public static class Phases
{
    public const int Unknown = -1;
}

/// <summary>An all-time cell the national dashboard needs: <see cref="CellChange"/> also rolls it up into <see cref="BreakdownCell"/>s.</summary>
public interface INationalCell;

/// <summary>
/// The national cells rolled up per tenant, one breakdown at a time: a row for the tenant as a whole (dimension
/// Institution, key the tenant id) and one for each region, value chain and phase it has. The national dashboard reads
/// only this table: about twenty rows per tenant instead of every (region, chain, phase) combination, and institutions
/// are counted as rows, not as DISTINCT tenants. Its measures are every national cell's measures, mapped from them
/// (ReportingDb), and <see cref="CellChange"/> moves them in the same statement batch as the cells they come from.
/// </summary>
public sealed class BreakdownCell : Cell
{
    public Dimension Dimension { get; set; }
    public string Key { get; set; } = "";
}

/// <summary>Per tenant: active staff with the Specialist role, and those trained in the methodology.</summary>
public sealed class SpecialistCell : Cell, INationalCell
{
    public int Specialists { get; set; }
    public int TrainedSpecialists { get; set; }
}

/// <summary>Active registered producers of a region. Every producer is female or male, so the two always add up.</summary>
public abstract class ProducerMeasures : Cell
{
    public string RegionCode { get; set; } = "";
    public int Producers { get; set; }
    public int FemaleProducers { get; set; }
    public int MaleProducers { get; set; }
}

/// <summary>All time, for national figures.</summary>
public sealed class ProducerCell : ProducerMeasures, INationalCell
{
    /// <summary>The same counts in a month's cell.</summary>
    public ProducerMonthCell InMonth(DateOnly month) => new()
    {
        TenantId = TenantId, RegionCode = RegionCode, Month = month,
        Producers = Producers, FemaleProducers = FemaleProducers, MaleProducers = MaleProducers,
    };
}

/// <summary>By registration month, for a tenant's period filter and series.</summary>
public sealed class ProducerMonthCell : ProducerMeasures
{
    public DateOnly Month { get; set; }
}

/// <summary>
/// Networks as they are now, by their current phase. "Financed" networks have at least one approved plan and
/// "monitored" ones at least one monitoring record: they and their members are whom financing and monitoring
/// figures are built from, which small-cell suppression needs to know.
/// </summary>
public sealed class NetworkCell : Cell, INationalCell
{
    public string RegionCode { get; set; } = "";
    public string ValueChain { get; set; } = "";
    public int Phase { get; set; }
    public int Networks { get; set; }
    public int WomenLedNetworks { get; set; }
    public int Members { get; set; }
    public int FemaleMembers { get; set; }
    public int FinancedNetworks { get; set; }
    public int FinancedMembers { get; set; }
    public int MonitoredNetworks { get; set; }
    public int MonitoredMembers { get; set; }
}

/// <summary>Co-financing: approved plans' split (programme funds, the network's cash and in kind), money paid and put in.</summary>
public abstract class FinancingMeasures : Cell
{
    public string RegionCode { get; set; } = "";
    public string ValueChain { get; set; } = "";
    public int Phase { get; set; }
    public int PlansApproved { get; set; }
    public decimal ProgrammeFunds { get; set; }
    public decimal NetworkCash { get; set; }
    public decimal NetworkInKind { get; set; }
    public decimal Disbursed { get; set; }
    public decimal ExecutedCash { get; set; }
    public decimal ExecutedInKind { get; set; }
}

/// <summary>All time, for national figures.</summary>
public sealed class FinancingCell : FinancingMeasures, INationalCell
{
    /// <summary>The same amounts in a programme's month cell.</summary>
    public FinancingMonthCell InMonth(Guid programmeId, DateOnly month) => new()
    {
        TenantId = TenantId, RegionCode = RegionCode, ValueChain = ValueChain, Phase = Phase, ProgrammeId = programmeId, Month = month,
        PlansApproved = PlansApproved, ProgrammeFunds = ProgrammeFunds, NetworkCash = NetworkCash, NetworkInKind = NetworkInKind,
        Disbursed = Disbursed, ExecutedCash = ExecutedCash, ExecutedInKind = ExecutedInKind,
    };
}

/// <summary>By programme and by the month of each fact (approval, disbursement, contribution), for tenant dashboards.</summary>
public sealed class FinancingMonthCell : FinancingMeasures
{
    public Guid ProgrammeId { get; set; }
    public DateOnly Month { get; set; }
}

/// <summary>Monthly monitoring records: sales, and the income change against each network's first record where known.</summary>
public abstract class MonitoringMeasures : Cell
{
    public string RegionCode { get; set; } = "";
    public string ValueChain { get; set; } = "";
    public int Phase { get; set; }
    public int MonitoringRecords { get; set; }
    public decimal Sales { get; set; }
    public decimal IncomeChangeSum { get; set; }
    public int IncomeChangeRecords { get; set; }
}

/// <summary>All time, for national figures.</summary>
public sealed class MonitoringCell : MonitoringMeasures, INationalCell
{
    /// <summary>The same sums in a month's cell.</summary>
    public MonitoringMonthCell InMonth(DateOnly month) => new()
    {
        TenantId = TenantId, RegionCode = RegionCode, ValueChain = ValueChain, Phase = Phase, Month = month,
        MonitoringRecords = MonitoringRecords, Sales = Sales, IncomeChangeSum = IncomeChangeSum, IncomeChangeRecords = IncomeChangeRecords,
    };
}

/// <summary>By monitoring period, for tenant dashboards.</summary>
public sealed class MonitoringMonthCell : MonitoringMeasures
{
    public DateOnly Month { get; set; }
}

/// <summary>
/// Per tenant, its active producers with one DNI, known by the DNI's keyed hash (docs/decisions/0026): normally one,
/// as the DNI is unique within a tenant. Never read per tenant nor published: the national view counts the distinct
/// hashes, so a person registered by two institutions is one unique producer.
/// </summary>
public sealed class PersonCell : Cell
{
    public string DniHash { get; set; } = "";
    public int PersonProducers { get; set; }
}

/// <summary>An entity state that counts towards cells; what it yields is its whole contribution as it stands.</summary>
public interface ICellSource
{
    IEnumerable<Cell> Cells();
}
