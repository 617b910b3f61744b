using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Networks.Infrastructure;

namespace RedesPlataforma.Networks.Specialists;

/// <summary>
/// The specialists a network can be given to, from this service's copy of the staff. Supervisors hand networks over and
/// form them for a specialist, but the staff directory (Tenants) is the admin's: this list carries names and regions only.
/// </summary>
public static class SpecialistsApi
{
    public static IEndpointRouteBuilder MapSpecialistsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("api/specialists").WithTags("Specialists").RequireAuthorization(Policies.Supervisor)
            .MapGet("/", ListSpecialists).WithName("ListSpecialists")
                .WithDescription("The tenant's specialists as learned from staff events; for supervisors.");
        return app;
    }

    static async Task<List<SpecialistSummary>> ListSpecialists(NetworksDb db, CancellationToken ct) =>
        await db.Specialists.AsNoTracking()
            .Where(s => s.IsActive && s.Roles.Contains(PlatformRoles.Specialist))
            .OrderBy(s => s.FullName).ThenBy(s => s.Id)
            .Select(s => new SpecialistSummary(s.Id, s.FullName, s.Regions, s.IsTrained))
            .ToListAsync(ct);
}

public sealed record SpecialistSummary(Guid Id, string FullName, IReadOnlyList<string> Regions, bool IsTrained);
