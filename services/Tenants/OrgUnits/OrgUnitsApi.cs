using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Tenants.Audit;
using RedesPlataforma.Tenants.Infrastructure;

namespace RedesPlataforma.Tenants.OrgUnits;

public static class OrgUnitsApi
{
    public static RouteGroupBuilder MapOrgUnitsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/org-units").WithTags("Org units");
        api.MapGet("/", ListOrgUnits).RequireAuthorization(Policies.TenantMember).WithName("ListOrgUnits")
            .WithDescription("The tenant's org units.");
        api.MapGet("/{id:guid}", GetOrgUnit).RequireAuthorization(Policies.TenantMember).WithName("GetOrgUnit")
            .WithDescription("One org unit of the tenant.");
        api.MapPost("/", CreateOrgUnit).RequireAuthorization(Policies.TenantAdmin).WithName("CreateOrgUnit")
            .WithDescription("Adds an org unit to the tenant.");
        api.MapPut("/{id:guid}", UpdateOrgUnit).RequireAuthorization(Policies.TenantAdmin).WithName("UpdateOrgUnit")
            .WithDescription("Replaces an org unit's data.");
        return api;
    }

    static async Task<Ok<Page<OrgUnitDto>>> ListOrgUnits([AsParameters] PageRequest page, OrgUnitKind? kind, string? region, TenantsDb db, CancellationToken ct)
    {
        var result = await db.OrgUnits.AsNoTracking()
            .Where(o => kind == null || o.Kind == kind)
            .Where(o => region == null || o.RegionCode == region)
            .OrderBy(o => o.Name)
            .Select(o => new OrgUnitDto(o.Id, o.Name, o.Kind, o.RegionCode, o.ParentId))
            .ToPageAsync(page, ct);
        return TypedResults.Ok(result);
    }

    static async Task<Results<Ok<OrgUnitDto>, NotFound>> GetOrgUnit(Guid id, TenantsDb db, CancellationToken ct) =>
        await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) is { } unit
            ? TypedResults.Ok(ToDto(unit))
            : TypedResults.NotFound();

    static async Task<Results<Created<OrgUnitDto>, ProblemHttpResult>> CreateOrgUnit(OrgUnitRequest request, TenantsDb db, AuditLog audit, CancellationToken ct)
    {
        if (await ParentProblemAsync(request.ParentId, null, db, ct) is { } problem) return problem;
        if (await db.OrgUnits.AnyAsync(o => o.Name == request.Name.Trim(), ct))
            return Refusal.Conflict("name", "An org unit with this name already exists. / Ya existe una unidad con este nombre.").ToProblem();

        var unit = new OrgUnit { Name = request.Name.Trim(), Kind = request.Kind!.Value, RegionCode = request.RegionCode.ToUpperInvariant(), ParentId = request.ParentId };
        db.OrgUnits.Add(unit);
        audit.Record("org_unit.created", nameof(OrgUnit), unit.Id, request);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/org-units/{unit.Id}", ToDto(unit));
    }

    static async Task<Results<Ok<OrgUnitDto>, NotFound, ProblemHttpResult>> UpdateOrgUnit(Guid id, OrgUnitRequest request, TenantsDb db, AuditLog audit, CancellationToken ct)
    {
        var unit = await db.OrgUnits.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (unit is null) return TypedResults.NotFound();
        if (await ParentProblemAsync(request.ParentId, id, db, ct) is { } problem) return problem;
        if (await db.OrgUnits.AnyAsync(o => o.Id != id && o.Name == request.Name.Trim(), ct))
            return Refusal.Conflict("name", "An org unit with this name already exists. / Ya existe una unidad con este nombre.").ToProblem();

        unit.Name = request.Name.Trim();
        unit.Kind = request.Kind!.Value;
        unit.RegionCode = request.RegionCode.ToUpperInvariant();
        unit.ParentId = request.ParentId;
        audit.Record("org_unit.updated", nameof(OrgUnit), unit.Id, request);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(unit));
    }

    private static async Task<ProblemHttpResult?> ParentProblemAsync(Guid? parentId, Guid? self, TenantsDb db, CancellationToken ct)
    {
        if (parentId is not { } id) return null;
        if (id == self) return Refusal.Unprocessable("parentId", "An org unit cannot be its own parent. / Una unidad no puede ser su propia superior.").ToProblem();
        return await db.OrgUnits.AnyAsync(o => o.Id == id, ct)
            ? null
            : Refusal.Unprocessable("parentId", "The parent org unit does not exist. / La unidad superior no existe.").ToProblem();
    }

    private static OrgUnitDto ToDto(OrgUnit o) => new(o.Id, o.Name, o.Kind, o.RegionCode, o.ParentId);
}
