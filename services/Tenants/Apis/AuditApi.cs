using Microsoft.AspNetCore.Http.HttpResults;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Tenants.Infrastructure;

namespace RedesPlataforma.Tenants.Apis;

public sealed record AuditEntryDto(Guid Id, DateTimeOffset At, Guid? ActorId, string? ActorName, string Action, string TargetType, string TargetId, string? Details);

public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/audit").WithTags("Audit").RequireAuthorization(Policies.TenantAdmin);
        api.MapGet("/", ListEntries);
        return api;
    }

    static async Task<Ok<Page<AuditEntryDto>>> ListEntries([AsParameters] PageRequest page, string? action, string? targetId, TenantsDb db, CancellationToken ct)
    {
        var result = await db.AuditEntries
            .Where(a => action == null || a.Action == action)
            .Where(a => targetId == null || a.TargetId == targetId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new AuditEntryDto(a.Id, a.At, a.ActorId, a.ActorName, a.Action, a.TargetType, a.TargetId, a.Details))
            .ToPageAsync(page, ct);
        return TypedResults.Ok(result);
    }
}
