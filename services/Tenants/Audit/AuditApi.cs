using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Audit;
using RedesPlataforma.BuildingBlocks.Export;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Tenants.Infrastructure;

namespace RedesPlataforma.Tenants.Audit;

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

    static async Task<Ok<Page<AuditEntryDto>>> ListEntries(
        [AsParameters] PageRequest page, [AsParameters] AuditWindow window, [AsParameters] AuditFilter filter, TenantsDb db, CancellationToken ct) =>
        TypedResults.Ok(await Entries(db, window, filter)
            .Select(a => new AuditEntryDto(a.Id, a.At, a.ActorId, a.ActorName, a.Action, a.TargetType, a.TargetId, a.Details))
            .ToPageAsync(page, ct));

    static PushStreamHttpResult ExportEntries([AsParameters] AuditWindow window, [AsParameters] AuditFilter filter, TenantsDb db, CancellationToken ct) =>
        TableExport.Stream(new ExportTable("audit", Columns, Rows(Entries(db, window, filter), ct)), ExportFormat.Csv, "audit", ct);

    private static IQueryable<AuditEntry> Entries(TenantsDb db, AuditWindow window, AuditFilter filter) =>
        window.Apply(filter.Apply(db.AuditEntries.AsNoTracking()));

    private static async IAsyncEnumerable<IReadOnlyList<string?>> Rows(IQueryable<AuditEntry> entries, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var a in entries.AsAsyncEnumerable().WithCancellation(ct))
            yield return [a.At.UtcDateTime.ToString("O"), a.ActorId?.ToString(), a.ActorName, a.Action, a.TargetType, a.TargetId, a.Details];
    }
}
