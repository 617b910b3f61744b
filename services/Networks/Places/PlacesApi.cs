using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Networks.Infrastructure;

namespace RedesPlataforma.Networks.Places;

public sealed record DistrictDto(string Code, string ReniecCode, string Name, string ProvinceName, string DepartmentName, string RegionCode);

public static class PlacesApi
{
    public static RouteGroupBuilder MapPlacesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/places").WithTags("Places").RequireAuthorization(Policies.TenantMember);
        api.MapGet("/regions", ListRegions).WithName("ListRegions")
            .WithDescription("Peru's 26 regions (ISO 3166-2:PE codes and names).");
        api.MapGet("/districts", ListDistricts).WithName("ListDistricts")
            .WithDescription("UBIGEO districts, searched and paged.");
        api.MapGet("/districts/{code}", GetDistrict).WithName("GetDistrict")
            .WithDescription("One district by its UBIGEO code.");
        return api;
    }

    static Ok<IReadOnlyList<Region>> ListRegions() => TypedResults.Ok(Regions.All);

    static async Task<Ok<Page<DistrictDto>>> ListDistricts([AsParameters] PageRequest page, string? region, string? search, NetworksDb db, CancellationToken ct)
    {
        var result = await db.Districts.AsNoTracking()
            .Where(d => region == null || d.RegionCode == region)
            .Where(d => search == null || EF.Functions.ILike(d.Name, $"%{search}%") || EF.Functions.ILike(d.ProvinceName, $"%{search}%"))
            .OrderBy(d => d.Code)
            .Select(d => new DistrictDto(d.Code, d.ReniecCode, d.Name, d.ProvinceName, d.DepartmentName, d.RegionCode))
            .ToPageAsync(page, ct);
        return TypedResults.Ok(result);
    }

    /// <summary>Accepts an INEI or a RENIEC code; answers with the INEI one.</summary>
    static async Task<Results<Ok<DistrictDto>, NotFound>> GetDistrict(string code, NetworksDb db, CancellationToken ct) =>
        await db.Districts.AsNoTracking().Where(d => d.Code == code || d.ReniecCode == code).OrderBy(d => d.Code == code ? 0 : 1)
            .Select(d => new DistrictDto(d.Code, d.ReniecCode, d.Name, d.ProvinceName, d.DepartmentName, d.RegionCode)).FirstOrDefaultAsync(ct)
            is { } district ? TypedResults.Ok(district) : TypedResults.NotFound();
}
