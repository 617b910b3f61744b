using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Persistence;

namespace RedesPlataforma.Networks.Producers;

public enum Gender { Female, Male }

/// <summary>A small rural producer, registered with consent under Peru's personal data law (Ley 29733).</summary>
public sealed class Producer : AuditedEntity, ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    /// <summary>Null once the producer's personal data is erased (<see cref="Erase"/>); unique within the tenant otherwise.</summary>
    public required string? Dni { get; set; }
    public required string FirstNames { get; set; }
    public required string LastNames { get; set; }
    public Gender Gender { get; set; }
    public int BirthYear { get; set; }
    public required string DistrictCode { get; set; }
    public required string RegionCode { get; set; }
    public string? Phone { get; set; }
    public bool ConsentGiven { get; set; }
    public DateOnly? ConsentDate { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>The staff member who registered the producer; a specialist may edit only the producers they registered.</summary>
    public Guid? RegisteredBy { get; set; }

    /// <summary>"first names last names" in lower case without accents, computed by the database for search.</summary>
    public string SearchName { get; private set; } = "";

    /// <summary>When the producer's personal data was erased (Ley 29733 cancellation): the row stays as an anonymous member.</summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    /// <summary>The day the producer withdrew the consent given on <see cref="ConsentDate"/>.</summary>
    public DateOnly? ConsentWithdrawnOn { get; private set; }

    /// <summary>The row version (xmin): the ETag of the producer, and the concurrency token of its edits.</summary>
    public uint Version { get; set; }

    public bool IsErased => ErasedAt is not null;

    /// <summary>
    /// Removes what identifies the person (DNI, names and so the search name, phone, the exact birth year) and keeps
    /// what figures count: gender, district, region, activity, memberships and incomes. The birth year keeps its decade.
    /// </summary>
    public void Erase(ErasureReason reason, DateTimeOffset at, DateOnly today)
    {
        Dni = null;
        FirstNames = "";
        LastNames = "";
        Phone = null;
        BirthYear = BirthYear / 10 * 10;
        ErasedAt = at;
        if (reason != ErasureReason.ConsentWithdrawn) return;
        ConsentGiven = false;
        ConsentWithdrawnOn = today;
    }
}

/// <summary>Why a producer's personal data was erased: their request (right of cancellation) or their consent's withdrawal.</summary>
public enum ErasureReason { Request, ConsentWithdrawn }

public enum IncomeKind { Baseline, FollowUp }

/// <summary>A producer's annual net income in PEN at the baseline or at a follow-up.</summary>
public sealed class ProducerIncome : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProducerId { get; init; }
    public IncomeKind Kind { get; init; }
    public DateOnly MeasuredOn { get; init; }
    public decimal AnnualNetIncomePen { get; init; }
    public Guid? RecordedBy { get; init; }
}
