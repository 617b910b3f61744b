using System.Text.Json;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Tenants.Accounts;
using RedesPlataforma.Tenants.Infrastructure;

namespace RedesPlataforma.Tenants.Audit;

/// <summary>
/// Adds audit entries to the current unit of work, so an action and its record commit together. The actor is the
/// signed-in user unless named (a person acting on the sign-in page has no token yet).
/// </summary>
public sealed class AuditLog(TenantsDb db, ICurrentUser currentUser, TimeProvider clock)
{
    public void Record(string action, string targetType, object targetId, object? details = null, AppUser? actor = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorId = actor?.Id ?? currentUser.Id,
            ActorName = actor?.FullName ?? currentUser.Name,
            Action = action,
            TargetType = targetType,
            TargetId = targetId.ToString()!,
            Details = details is null ? null : JsonSerializer.Serialize(details, JsonSerializerOptions.Web),
        });
}
