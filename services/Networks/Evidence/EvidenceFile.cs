using RedesPlataforma.BuildingBlocks.MultiTenancy;

namespace RedesPlataforma.Networks.Evidence;

/// <summary>
/// A file attached (or to be attached) to a phase change or a monitoring record of one network. The id is the
/// client's, so an offline client can queue the upload and the change that references it; it is unique per tenant.
/// The bytes live in <see cref="EvidenceContent"/>, so lists and timelines never read them.
/// </summary>
public sealed class EvidenceFile : ITenantOwned
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public Guid Id { get; init; }
    public Guid TenantId { get; set; }
    public Guid NetworkId { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long Size { get; init; }

    /// <summary>SHA-256 of the content: tells a replayed upload (same bytes) from a clash (other bytes under the same id).</summary>
    public required byte[] Sha256 { get; init; }

    public DateTimeOffset UploadedAt { get; init; }
    public Guid? UploadedBy { get; init; }
    public string? UploadedByName { get; init; }

    /// <summary>At most one of these is set: a file documents one change or one record.</summary>
    public Guid? PhaseChangeId { get; set; }
    public Guid? MonitoringRecordId { get; set; }

    /// <summary>Two changes racing to attach the same file cannot both win (xmin).</summary>
    public uint Version { get; set; }

    public bool IsAttachedElsewhere(Guid? phaseChangeId, Guid? monitoringRecordId) =>
        (PhaseChangeId is { } change && change != phaseChangeId) || (MonitoringRecordId is { } record && record != monitoringRecordId);
}

/// <summary>The bytes of an <see cref="EvidenceFile"/>, under the same tenant filter and row-level security.</summary>
public sealed class EvidenceContent : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid EvidenceId { get; init; }
    public required byte[] Bytes { get; init; }
}
