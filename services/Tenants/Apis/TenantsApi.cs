using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Contracts.Tenants;
using RedesPlataforma.Tenants.Infrastructure;
using RedesPlataforma.Tenants.Model;

namespace RedesPlataforma.Tenants.Apis;

public sealed record TenantDto(Guid Id, string Slug, string Name, InstitutionKind Kind, string Ruc, IReadOnlyList<string> Regions,
    TenantStatus Status, DateTimeOffset ActivatedAt, DateTimeOffset? SuspendedAt, string? SuspensionReason)
{
    public static TenantDto From(Tenant t) => new(t.Id, t.Slug, t.Name, t.Kind, t.Ruc, t.Regions, t.Status, t.ActivatedAt, t.SuspendedAt, t.SuspensionReason);
}

public sealed record SuspendRequest([property: Required, StringLength(500, MinimumLength = 3)] string Reason);

public static class TenantsApi
{
    public static RouteGroupBuilder MapTenantsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/tenants").WithTags("Tenants");
        api.MapGet("/current", GetCurrent).RequireAuthorization(Policies.TenantMember);

        var national = api.MapGroup("").RequireAuthorization(Policies.NationalUnit);
        national.MapGet("/", ListTenants);
        national.MapGet("/{id:guid}", GetTenant);
        national.MapPost("/{id:guid}/suspend", Suspend);
        national.MapPost("/{id:guid}/reactivate", Reactivate);
        return api;
    }

    static async Task<Results<Ok<TenantDto>, NotFound>> GetCurrent(ICurrentTenant tenant, TenantsDb db, CancellationToken ct) =>
        await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenant.Id, ct) is { } found
            ? TypedResults.Ok(TenantDto.From(found))
            : TypedResults.NotFound();

    static async Task<Ok<Page<TenantDto>>> ListTenants([AsParameters] PageRequest page, TenantStatus? status, string? search, TenantsDb db, CancellationToken ct)
    {
        var query = db.Tenants.AsNoTracking()
            .Where(t => status == null || t.Status == status)
            .Where(t => search == null || EF.Functions.ILike(t.Name, $"%{search}%") || t.Slug == search)
            .OrderBy(t => t.Name);
        var result = await query.Select(t => new TenantDto(t.Id, t.Slug, t.Name, t.Kind, t.Ruc, t.Regions, t.Status, t.ActivatedAt, t.SuspendedAt, t.SuspensionReason))
            .ToPageAsync(page, ct);
        return TypedResults.Ok(result);
    }

    static async Task<Results<Ok<TenantDto>, NotFound>> GetTenant(Guid id, TenantsDb db, CancellationToken ct) =>
        await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct) is { } tenant
            ? TypedResults.Ok(TenantDto.From(tenant))
            : TypedResults.NotFound();

    static Task<Results<Ok<TenantDto>, NotFound, ProblemHttpResult>> Suspend(Guid id, SuspendRequest request, IServiceProvider services, TimeProvider clock, CancellationToken ct) =>
        ChangeStatusAsync(id, services, ct, (tenant, db, audit) =>
        {
            if (tenant.Status == TenantStatus.Suspended) return false;
            var now = clock.GetUtcNow();
            tenant.Suspend(request.Reason.Trim(), now);
            audit.Record("tenant.suspended", nameof(Tenant), tenant.Id, new { request.Reason });
            db.AddIntegrationEvent(new TenantSuspended(tenant.Id, request.Reason.Trim(), now), tenant.Id);
            return true;
        });

    static Task<Results<Ok<TenantDto>, NotFound, ProblemHttpResult>> Reactivate(Guid id, IServiceProvider services, TimeProvider clock, CancellationToken ct) =>
        ChangeStatusAsync(id, services, ct, (tenant, db, audit) =>
        {
            if (tenant.Status == TenantStatus.Active) return false;
            tenant.Reactivate();
            audit.Record("tenant.reactivated", nameof(Tenant), tenant.Id);
            db.AddIntegrationEvent(new TenantActivated(tenant.Id, tenant.Slug, tenant.Name, tenant.Kind.ToString(), tenant.Regions, clock.GetUtcNow()), tenant.Id);
            return true;
        });

    // The audit entry belongs to the tenant acted on, so the change runs in that tenant's scope.
    private static async Task<Results<Ok<TenantDto>, NotFound, ProblemHttpResult>> ChangeStatusAsync(
        Guid id, IServiceProvider services, CancellationToken ct, Func<Tenant, TenantsDb, AuditLog, bool> change)
    {
        await using var scope = TenantScope.Begin(services, new TenantInfo(id, id.ToString(), id.ToString()));
        var db = scope.Services.GetRequiredService<TenantsDb>();
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (tenant is null) return TypedResults.NotFound();
        if (!change(tenant, db, scope.Services.GetRequiredService<AuditLog>()))
            return TypedResults.Problem(statusCode: 409, title: "Conflict / Conflicto", detail: $"The tenant is already {tenant.Status}. / La institución ya está en ese estado.");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(TenantDto.From(tenant));
    }
}
