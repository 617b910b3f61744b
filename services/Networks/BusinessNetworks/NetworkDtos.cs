using System.ComponentModel.DataAnnotations;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.Networks.Evidence;
using RedesPlataforma.Networks.Producers;

namespace RedesPlataforma.Networks.BusinessNetworks;

// Request and response bodies of the network endpoints. Explicit records, never entities, so nothing like a tenant,
// a phase or a women-led flag can be mass-assigned.

public sealed record FormNetworkRequest(
    [property: Required, StringLength(200, MinimumLength = 3)] string Name,
    [property: Required, StringLength(40)] string ValueChainCode,
    [property: Required, RegionCodes] string RegionCode,
    Guid SpecialistId,
    [property: Required, MinLength(1), MaxLength(1000)] IReadOnlyList<Guid> MemberIds,
    Guid LeaderProducerId,
    [property: Required, PlausibleDate] DateOnly? FormedOn,
    [property: EnumDataType(typeof(LegalForm))] LegalForm? LegalForm,
    [property: Ruc] string? Ruc);

/// <summary>The basics that change as a network formalises.</summary>
public sealed record UpdateNetworkRequest(
    [property: Required, StringLength(200, MinimumLength = 3)] string Name,
    [property: Required, EnumDataType(typeof(LegalForm))] LegalForm? LegalForm,
    [property: Ruc] string? Ruc);

public sealed record AddMemberRequest(Guid ProducerId, [property: PlausibleDate] DateOnly? On);

public sealed record RemoveMemberRequest([property: Required, StringLength(500, MinimumLength = 3)] string Reason, [property: PlausibleDate] DateOnly? On);

public sealed record ChangeLeaderRequest(Guid ProducerId, [property: PlausibleDate] DateOnly? On);

public sealed record ReassignSpecialistRequest(Guid SpecialistId, [property: Required, StringLength(500, MinimumLength = 3)] string Reason, [property: PlausibleDate] DateOnly? On);

public sealed record ChangePhaseRequest(
    [property: Required, EnumDataType(typeof(Phase))] Phase? ToPhase,
    [property: Required, PlausibleDate] DateOnly? On,
    [property: Required, StringLength(2000, MinimumLength = 3)] string Evidence,
    [property: StringLength(500), HttpUrl] string? DocumentUrl,
    [property: StringLength(1000)] string? Reason,
    [property: MaxLength(EvidenceAttachments.MaxPerChange)] IReadOnlyList<Guid>? EvidenceIds = null);

public sealed record NetworkFilter(string? Region, string? Chain, Phase? Phase, Guid? Specialist, bool? WomenLed, string? Search);

public sealed record NetworkSummary(
    Guid Id, string Name, string ValueChainCode, string RegionCode, Guid SpecialistId, Phase Phase, bool WomenLed,
    LegalForm LegalForm, DateOnly FormedOn, int MemberCount, string Version);

public sealed record MemberDto(Guid ProducerId, string FullName, Gender Gender, DateOnly JoinedOn, bool IsLeader);

public sealed record MembershipDto(
    Guid ProducerId, string FullName, Gender Gender, DateOnly JoinedOn, Guid? AddedBy, DateOnly? LeftOn, string? LeftReason, Guid? RemovedBy);

public sealed record SpecialistAssignmentDto(Guid? FromSpecialistId, Guid ToSpecialistId, DateOnly On, string? Reason, Guid? ActorId, DateTimeOffset RecordedAt);

public sealed record LeaderChangeDto(Guid? FromProducerId, Guid ToProducerId, DateOnly On, Guid? ActorId, DateTimeOffset RecordedAt);

/// <summary>
/// One step of the phase timeline. <c>Evidence</c> has always been the written account of the step, so the files
/// attached to it are <c>EvidenceFiles</c> (monitoring records, with no such text, call theirs <c>Evidence</c>).
/// </summary>
public sealed record PhaseChangeDto(
    Phase FromPhase, Phase ToPhase, DateOnly On, Guid? ActorId, string? ActorName, string Evidence, string? DocumentUrl,
    string? Reason, DateTimeOffset RecordedAt, IReadOnlyList<EvidenceSummary> EvidenceFiles)
{
    public static PhaseChangeDto From(PhaseChange c, IEnumerable<EvidenceSummary> files) =>
        new(c.FromPhase, c.ToPhase, c.On, c.ActorId, c.ActorName, c.Evidence, c.DocumentUrl, c.Reason, c.RecordedAt, [.. files]);
}

public sealed record NetworkDetails(
    Guid Id, string Name, string ValueChainCode, string RegionCode, Guid SpecialistId, string? SpecialistName,
    DateOnly FormedOn, LegalForm LegalForm, string? Ruc, Phase Phase, bool WomenLed, MemberDto? Leader,
    IReadOnlyList<MemberDto> Members, int MemberCount, int FemaleMemberCount, IReadOnlyList<PhaseChangeDto> PhaseHistory,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Version);
