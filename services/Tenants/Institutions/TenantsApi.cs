using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Contracts.Tenants;
using RedesPlataforma.Tenants.Audit;
using RedesPlataforma.Tenants.Infrastructure;

namespace RedesPlataforma.Tenants.Institutions;

public static class TenantsApi
{
    public static RouteGroupBuilder MapTenantsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/tenants").WithTags("Tenants");
        api.MapGet("/current", GetCurrent).RequireAuthorization(Policies.TenantMember).WithName("GetCurrentTenant")
            .WithDescription("The caller's own tenant.");
        api.MapPut("/current/two-factor", SetTwoFactorRequirement).RequireAuthorization(Policies.TenantAdmin).WithName("SetTwoFactorRequirement")
            .WithDescription("Whether everyone of the institution must sign in with a second factor; those without one enrol at their next sign-in.");

        var national = api.MapGroup("").RequireAuthorization(Policies.NationalUnit);
        national.MapGet("/", ListTenants).WithName("ListTenants")
            .WithDescription("Every tenant; for the national unit.");
        national.MapGet("/{id:guid}", GetTenant).WithName("GetTenant")
            .WithDescription("One tenant; for the national unit.");
        national.MapGet("/{id:guid}/history", GetHistory).WithName("GetTenantHistory")
            .WithDescription("Every status change of a tenant, oldest first: its activation, suspensions and reactivations with reason, who and when.");
        national.MapPost("/{id:guid}/suspend", Suspend).WithName("SuspendTenant")
            .WithDescription("Suspends an active tenant, with a reason.");
        national.MapPost("/{id:guid}/reactivate", Reactivate).WithName("ReactivateTenant")
            .WithDescription("Reactivates a suspended tenant, with an optional reason (the body may be empty).");
        return api;
    }

    static async Task<Results<Ok<TenantDto>, NotFound>> GetCurrent(ICurrentTenant tenant, TenantsDb db, CancellationToken ct) =>
        await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenant.Id, ct) is { } found
            ? TypedResults.Ok(TenantDto.From(found))
            : TypedResults.NotFound();

    static async Task<Results<Ok<TenantDto>, NotFound>> SetTwoFactorRequirement(
        TwoFactorRequirementRequest request, ICurrentTenant current, TenantsDb db, AuditLog audit, CancellationToken ct)
    {
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == current.Id, ct);
        if (tenant is null) return TypedResults.NotFound();
        if (tenant.RequiresTwoFactor != request.Required)
        {
            tenant.RequiresTwoFactor = request.Required!.Value;
            audit.Record("tenant.two_factor_requirement_changed", nameof(Tenant), tenant.Id, new { required = tenant.RequiresTwoFactor });
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(TenantDto.From(tenant));
    }

    /// <summary><c>search</c>: part of the name, slug or RUC, in any case.</summary>
    static async Task<Ok<Page<TenantDto>>> ListTenants([AsParameters] PageRequest page, TenantStatus? status, string? search, TenantsDb db, CancellationToken ct)
    {
        var pattern = string.IsNullOrWhiteSpace(search) ? null : $"%{search.Trim()}%";
        var query = db.Tenants.AsNoTracking()
            .Where(t => status == null || t.Status == status)
            .Where(t => pattern == null || EF.Functions.ILike(t.Name, pattern) || EF.Functions.ILike(t.Slug, pattern) || EF.Functions.ILike(t.Ruc, pattern))
            .OrderBy(t => t.Name);
        var result = await query.Select(t => new TenantDto(t.Id, t.Slug, t.Name, t.Kind, t.Ruc, t.Regions, t.Status, t.ActivatedAt, t.SuspendedAt, t.SuspensionReason, t.RequiresTwoFactor))
            .ToPageAsync(page, ct);
        return TypedResults.Ok(result);
    }

    static async Task<Results<Ok<TenantDto>, NotFound>> GetTenant(Guid id, TenantsDb db, CancellationToken ct) =>
        await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct) is { } tenant
            ? TypedResults.Ok(TenantDto.From(tenant))
            : TypedResults.NotFound();

    static async Task<Results<Ok<IReadOnlyList<TenantStatusChangeDto>>, NotFound>> GetHistory(Guid id, TenantsDb db, CancellationToken ct)
    {
        if (!await db.Tenants.AnyAsync(t => t.Id == id, ct)) return TypedResults.NotFound();
        var history = await db.TenantStatusChanges.AsNoTracking().Where(c => c.TenantId == id).OrderBy(c => c.At).ThenBy(c => c.Id)
            .Select(c => new TenantStatusChangeDto(c.Status, c.Reason, c.ChangedBy, c.ChangedByName, c.At)).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<TenantStatusChangeDto>>(history);
    }

    static Task<Results<Ok<TenantDto>, NotFound, ProblemHttpResult>> Suspend(
        Guid id, SuspendRequest request, IServiceProvider services, ICurrentUser actor, TimeProvider clock, CancellationToken ct)
    {
        var reason = request.Reason.Trim();
        return ChangeStatusAsync(id, (tenant, at) => tenant.Suspend(reason, at), reason, services, actor, clock, ct, (tenant, db, at) =>
            db.AddIntegrationEvent(new TenantSuspended(tenant.Id, tenant.SuspensionReason!, at), tenant.Id));
    }

    static Task<Results<Ok<TenantDto>, NotFound, ProblemHttpResult>> Reactivate(
        Guid id, ReactivateRequest? request, IServiceProvider services, ICurrentUser actor, TimeProvider clock, CancellationToken ct) =>
        ChangeStatusAsync(id, (tenant, _) => tenant.Reactivate(), request?.Reason?.Trim() is { Length: > 0 } reason ? reason : null, services, actor, clock, ct, (tenant, db, at) =>
            db.AddIntegrationEvent(new TenantActivated(tenant.Id, tenant.Slug, tenant.Name, tenant.Kind.ToString(), tenant.Regions, at), tenant.Id));

    /// <summary>
    /// Asks the tenant to <paramref name="move"/>, keeps the change in its history and its audit log, and publishes
    /// the event. The audit entry belongs to the tenant acted on, so the change runs in that tenant's scope.
    /// </summary>
    private static async Task<Results<Ok<TenantDto>, NotFound, ProblemHttpResult>> ChangeStatusAsync(
        Guid id, Func<Tenant, DateTimeOffset, Refusal?> move, string? reason, IServiceProvider services, ICurrentUser actor,
        TimeProvider clock, CancellationToken ct, Action<Tenant, TenantsDb, DateTimeOffset> publish)
    {
        await using var scope = TenantScope.Begin(services, TenantInfo.ForId(id));
        var db = scope.Services.GetRequiredService<TenantsDb>();
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (tenant is null) return TypedResults.NotFound();
        var now = clock.GetUtcNow();
        if (move(tenant, now) is { } refused) return refused.ToProblem();

        db.TenantStatusChanges.Add(new TenantStatusChange { TenantId = id, Status = tenant.Status, Reason = reason, ChangedBy = actor.Id, ChangedByName = actor.Name, At = now });
        scope.Services.GetRequiredService<AuditLog>().Record(tenant.Status == TenantStatus.Suspended ? "tenant.suspended" : "tenant.reactivated", nameof(Tenant), id, new { reason });
        publish(tenant, db, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(TenantDto.From(tenant));
    }
}
