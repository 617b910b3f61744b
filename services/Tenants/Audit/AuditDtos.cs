namespace RedesPlataforma.Tenants.Audit;

public sealed record AuditEntryDto(Guid Id, DateTimeOffset At, Guid? ActorId, string? ActorName, string Action, string TargetType, string TargetId, string? Details);

/// <summary><c>Action</c>: a prefix (<c>staff.</c> or <c>staff.invited</c>); <c>TargetId</c>: the record acted on.</summary>
public sealed record AuditFilter(string? Action, string? TargetId)
{
    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries) => entries
        .Where(a => Action == null || a.Action.StartsWith(Action))
        .Where(a => TargetId == null || a.TargetId == TargetId);
}
