using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Persistence;

namespace RedesPlataforma.Networks.BusinessNetworks;

public enum LegalForm { Informal, Association, Cooperative }

/// <summary>The methodology's phases, in order.</summary>
public enum Phase
{
    Preparation = 0,
    PromotionAndSelection = 1,
    PilotBusinessPlan = 2,
    StrategicBusinessPlan = 3,
    Consolidation = 4,
}

/// <summary>A business network: producers of one tenant around one value chain in one region, with a specialist and a leader.</summary>
public sealed class BusinessNetwork : AuditedEntity, ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public required string ValueChainCode { get; set; }
    public required string RegionCode { get; set; }
    public Guid SpecialistId { get; set; }
    public DateOnly FormedOn { get; set; }
    public LegalForm LegalForm { get; set; }
    public string? Ruc { get; set; }
    public Guid? LeaderProducerId { get; set; }

    /// <summary>Derived from the leader's gender whenever the leader changes; stored so lists can filter on it.</summary>
    public bool WomenLed { get; set; }

    public Phase Phase { get; set; }
    public List<Membership> Memberships { get; init; } = [];
    public List<PhaseChange> PhaseHistory { get; init; } = [];


    /// <summary>Optimistic concurrency: two advances racing on the same network cannot both win.</summary>
    public uint Version { get; set; }
}

/// <summary>A producer's membership of a network. Leaving closes it; history is kept.</summary>
public sealed class Membership : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid NetworkId { get; init; }
    public Guid ProducerId { get; init; }
    public DateOnly JoinedOn { get; init; }
    public Guid? AddedBy { get; init; }

    /// <summary>
    /// When a member was added to an existing network (recent activity orders by it). Null for the founders, whose
    /// joining is the formation itself, and for rows older than this column.
    /// </summary>
    public DateTimeOffset? AddedAt { get; init; }
    public DateOnly? LeftOn { get; set; }
    public string? LeftReason { get; set; }
    public Guid? RemovedBy { get; set; }

    public bool IsCurrent => LeftOn is null;
}

/// <summary>One step in a network's phase history, with who recorded it and the evidence.</summary>
public sealed class PhaseChange : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid NetworkId { get; init; }
    public Phase FromPhase { get; init; }
    public Phase ToPhase { get; init; }
    public DateOnly On { get; init; }
    public Guid? ActorId { get; init; }
    public string? ActorName { get; init; }
    public required string Evidence { get; init; }
    public string? DocumentUrl { get; init; }

    /// <summary>Required when going back a phase.</summary>
    public string? Reason { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}

/// <summary>A change of a network's leader, kept as history.</summary>
public sealed class LeaderChange : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid NetworkId { get; init; }
    public Guid? FromProducerId { get; init; }
    public Guid ToProducerId { get; init; }
    public DateOnly On { get; init; }
    public Guid? ActorId { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}

/// <summary>Who the network was assigned to and when it changed hands; the first row is the formation's assignment.</summary>
public sealed class SpecialistAssignment : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid NetworkId { get; init; }
    public Guid? FromSpecialistId { get; init; }
    public Guid ToSpecialistId { get; init; }
    public DateOnly On { get; init; }
    public string? Reason { get; init; }
    public Guid? ActorId { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}
