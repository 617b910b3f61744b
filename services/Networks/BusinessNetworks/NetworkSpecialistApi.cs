using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Networks.Access;
using RedesPlataforma.Networks.Infrastructure;

namespace RedesPlataforma.Networks.BusinessNetworks;

/// <summary>
/// Handing a network to another specialist (a specialist leaves, or an agency rebalances its caseload). Only supervisors
/// and tenant admins do it: a specialist could otherwise give their networks away or take a colleague's.
/// </summary>
public static class NetworkSpecialistApi
{
    public static RouteGroupBuilder MapNetworkSpecialistApi(this RouteGroupBuilder api)
    {
        api.MapGet("/{id:guid}/specialists", AssignmentHistory).WithName("GetNetworkSpecialistHistory")
            .WithDescription("The specialists who accompanied a network over time.");
        api.MapPut("/{id:guid}/specialist", Reassign).RequireAuthorization(Policies.Supervisor)
            .WithName("ReassignNetworkSpecialist")
            .WithDescription("A supervisor hands a network over to another specialist of the tenant.");
        return api;
    }

    static async Task<Results<Ok<List<SpecialistAssignmentDto>>, NotFound>> AssignmentHistory(Guid id, NetworksDb db, CancellationToken ct)
    {
        if (!await db.Networks.AnyAsync(n => n.Id == id, ct)) return TypedResults.NotFound();
        return TypedResults.Ok(await db.SpecialistAssignments.Where(a => a.NetworkId == id).OrderBy(a => a.RecordedAt).ThenBy(a => a.Id)
            .Select(a => new SpecialistAssignmentDto(a.FromSpecialistId, a.ToSpecialistId, a.On, a.Reason, a.ActorId, a.RecordedAt))
            .ToListAsync(ct));
    }

    /// <summary>The new specialist must be an active, trained specialist of the caller's tenant, like at formation.</summary>
    static async Task<Results<Ok<NetworkDetails>, NotFound, ProblemHttpResult>> Reassign(
        Guid id, ReassignSpecialistRequest request, NetworksDb db, ICurrentUser actor, TimeProvider clock, CancellationToken ct)
    {
        var network = await db.Networks.SingleOrDefaultAsync(n => n.Id == id, ct);
        if (network is null) return TypedResults.NotFound();
        if (network.SpecialistId == request.SpecialistId)
            return Refusal.Conflict("specialistId", "The network is already assigned to this specialist. / La red ya está asignada a este especialista.").ToProblem();
        if (await db.Specialists.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.SpecialistId, ct) is not { CanLeadNetworks: true })
            return Refusal.Unprocessable("specialistId",
                "The specialist is not an active specialist of your institution. / El especialista no es un especialista activo de su institución.").ToProblem();
        var on = request.On ?? clock.PeruToday();
        if (NetworkMembersApi.DateRefusal(on, network.FormedOn, clock) is { } refusal) return refusal.ToProblem();

        var assignment = new SpecialistAssignment
        {
            NetworkId = id, FromSpecialistId = network.SpecialistId, ToSpecialistId = request.SpecialistId, On = on,
            Reason = request.Reason.Trim(), ActorId = actor.Id, RecordedAt = clock.GetUtcNow(),
        };
        db.SpecialistAssignments.Add(assignment);
        db.AddIntegrationEvent(NetworkIntegrationEvents.SpecialistReassigned(network, assignment), id);
        network.SpecialistId = request.SpecialistId;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await NetworkQueries.DetailsAsync(db, id, ct))!);
    }
}
