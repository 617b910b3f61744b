using RedesPlataforma.BuildingBlocks.MultiTenancy;

namespace RedesPlataforma.BuildingBlocks.Audit;

public enum PersonalDataAction
{
    /// <summary>One producer's record was opened.</summary>
    ProducerOpened,
    /// <summary>A page of the producer list, which shows every row's DNI.</summary>
    ProducersListed,
    /// <summary>The producer list's CSV or xlsx export.</summary>
    ProducersExported,
    /// <summary>Everything held about one producer, for the producer (ARCO access).</summary>
    ProducerDataExported,
}

/// <summary>
/// One request that showed producers' personal data: who, what and when, one row per request however many producers
/// it showed. Append-only; each service keeps its own, written in the same round trip as the read it records (see
/// <see cref="PersonalDataReads"/>).
/// </summary>
public sealed class PersonalDataRead : ITenantOwned, IAuditRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public DateTimeOffset At { get; init; }
    public Guid? ActorId { get; init; }
    public string? ActorName { get; init; }
    public PersonalDataAction Action { get; init; }

    /// <summary>The producer opened or exported; null for the list and its export.</summary>
    public Guid? ProducerId { get; init; }

    /// <summary>The list's filters and search as JSON; null for one producer.</summary>
    public string? Query { get; init; }

    /// <summary>How many producers the response showed; null for a streamed export, whose rows are not counted ahead.</summary>
    public int? Rows { get; init; }

    public required string CorrelationId { get; init; }
}

/// <summary>A service database that records reads of personal data (see <see cref="PersonalDataReads"/>).</summary>
public interface IPersonalDataReadContext : ITenantDbContext
{
    /// <summary>The table a producer's id must be found in for a read of that producer to be recorded; null: every read is recorded.</summary>
    string? ProducerTable { get; }

    /// <summary>A read the next query of this context records.</summary>
    PersonalDataRead? UnrecordedRead { get; set; }
}
