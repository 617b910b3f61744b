using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Export;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Tenants.Infrastructure;

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

public static class AuditApi
{
    private static readonly string[] Columns = ["at", "actorId", "actorName", "action", "targetType", "targetId", "details"];

    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/audit").WithTags("Audit").RequireAuthorization(Policies.TenantAdmin);
        api.MapGet("/", ListEntries).WithName("ListAuditEntries")
            .WithDescription("The tenant's audit log, newest first, filtered by actor, action prefix, target and Peru dates.");
        api.MapGet("/export.csv", ExportEntries).WithName("ExportAuditEntries")
            .WithDescription("The audit log with the same filters as a CSV download, streamed.");
        return api;
    }

    static async Task<Ok<Page<AuditEntryDto>>> ListEntries([AsParameters] PageRequest page, [AsParameters] AuditFilter filter, TenantsDb db, CancellationToken ct) =>
        TypedResults.Ok(await filter.Apply(db.AuditEntries.AsNoTracking())
            .Select(a => new AuditEntryDto(a.Id, a.At, a.ActorId, a.ActorName, a.Action, a.TargetType, a.TargetId, a.Details))
            .ToPageAsync(page, ct));

    static PushStreamHttpResult ExportEntries([AsParameters] AuditFilter filter, TenantsDb db, CancellationToken ct) =>
        TableExport.Stream(new ExportTable("audit", Columns, Rows(filter.Apply(db.AuditEntries.AsNoTracking()), ct)), ExportFormat.Csv, "audit", ct);

    private static async IAsyncEnumerable<IReadOnlyList<string?>> Rows(IQueryable<AuditEntry> entries, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var a in entries.AsAsyncEnumerable().WithCancellation(ct))
            yield return [a.At.UtcDateTime.ToString("O"), a.ActorId?.ToString(), a.ActorName, a.Action, a.TargetType, a.TargetId, a.Details];
    }
}
