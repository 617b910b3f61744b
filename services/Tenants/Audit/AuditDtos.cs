using RedesPlataforma.BuildingBlocks.Peru;

namespace RedesPlataforma.Tenants.Audit;

public sealed record AuditEntryDto(Guid Id, DateTimeOffset At, Guid? ActorId, string? ActorName, string Action, string TargetType, string TargetId, string? Details);

/// <summary>
/// <c>Actor</c>: the actor's user id. <c>Action</c>: a prefix (<c>staff.</c> or <c>staff.invited</c>). <c>From</c> and
/// <c>To</c>: Peru dates, both included. Their rule sits on the properties: on the constructor's parameters it breaks
/// ASP.NET's OpenAPI document for an <c>[AsParameters]</c> type (the merged attributes cannot be cast).
/// </summary>
public sealed record AuditFilter(Guid? Actor, string? Action, string? TargetId, [property: PlausibleDate] DateOnly? From, [property: PlausibleDate] DateOnly? To)
{
    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries)
    {
        var (from, until) = (From?.StartOfPeruDay(), To?.AddDays(1).StartOfPeruDay());
        return entries
            .Where(a => Actor == null || a.ActorId == Actor)
            .Where(a => Action == null || a.Action.StartsWith(Action))
            .Where(a => TargetId == null || a.TargetId == TargetId)
            .Where(a => from == null || a.At >= from)
            .Where(a => until == null || a.At < until)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id);
    }
}
