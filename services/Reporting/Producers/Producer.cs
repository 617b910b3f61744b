using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.Reporting.Cells;

namespace RedesPlataforma.Reporting.Producers;

/// <summary>
/// A producer as the figures need them: where, gender, active, when registered, and the keyed hash of the DNI (to count
/// people once nationally). No name, DNI or phone ever arrives.
/// </summary>
public sealed class Producer : ITenantOwned, ICellSource
{
    public const string Female = "Female";

    public Guid Id { get; init; }
    public Guid TenantId { get; set; }
    public string RegionCode { get; set; } = "";
    public string Gender { get; set; } = "";
    public int BirthYear { get; set; }
    public bool IsActive { get; set; }

    /// <summary>"version:hash" of the DNI as Networks publishes it; null for producers known only from older events.</summary>
    public string? DniHash { get; set; }

    /// <summary>
    /// The month (Peru time) of ProducerRegistered. Until that event arrives, the month of the first event seen, so a
    /// producer whose change overtook its registration still counts; the registration then moves it to its month.
    /// </summary>
    public DateOnly RegisteredMonth { get; set; }

    public long? Sequence { get; set; }

    public IEnumerable<Cell> Cells()
    {
        if (!IsActive) return [];
        var female = Gender == Female ? 1 : 0;
        var total = new ProducerCell { TenantId = TenantId, RegionCode = RegionCode, Producers = 1, FemaleProducers = female, MaleProducers = 1 - female };
        Cell[] cells = [total, total.InMonth(RegisteredMonth)];
        return DniHash is null ? cells : [.. cells, new PersonCell { TenantId = TenantId, DniHash = DniHash, PersonProducers = 1 }];
    }
}
