using RedesPlataforma.BuildingBlocks.Audit;
using RedesPlataforma.BuildingBlocks.MultiTenancy;

namespace RedesPlataforma.Tenants.Audit;

/// <summary>One staff or approval action: who did what to which record, and when. Append-only.</summary>
public sealed class AuditEntry : ITenantOwned, IAuditRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public DateTimeOffset At { get; init; }
    public Guid? ActorId { get; init; }
    public string? ActorName { get; init; }
    public required string Action { get; init; }
    public required string TargetType { get; init; }
    public required string TargetId { get; init; }
    public string? Details { get; init; }
}
