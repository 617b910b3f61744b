using RedesPlataforma.BuildingBlocks.MultiTenancy;

namespace RedesPlataforma.Networks.Producers.Erasure;

/// <summary>
/// The audit of one erasure: who erased which producer, when and why. It names no one, so it outlives the personal
/// data it records the removal of; one per producer, which also makes a repeated request a no-op.
/// </summary>
public sealed class ErasureRecord : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProducerId { get; init; }
    public ErasureReason Reason { get; init; }
    public Guid? ErasedBy { get; init; }
    public DateTimeOffset ErasedAt { get; init; }
}
