using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Contracts.Networks;
using RedesPlataforma.Networks.Access;
using RedesPlataforma.Networks.Infrastructure;

namespace RedesPlataforma.Networks.BusinessNetworks;

/// <summary>
/// The methodology's phases: each change (see <see cref="PhaseRules"/>) is recorded with its date, actor and evidence.
/// Two changes racing on one network cannot both win: the network's version (xmin) is checked on save, and the
/// loser's DbUpdateConcurrencyException becomes a 409.
/// </summary>
public static class NetworkPhasesApi
{
    public static RouteGroupBuilder MapNetworkPhasesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/{id:guid}/phases", PhaseHistory);
        api.MapPost("/{id:guid}/phase", ChangePhase).RequireAuthorization(Policies.Specialist);
        return api;
    }

    static async Task<Results<Ok<List<PhaseChangeDto>>, NotFound>> PhaseHistory(Guid id, NetworksDb db, CancellationToken ct)
    {
        if (!await db.Networks.AnyAsync(n => n.Id == id, ct)) return TypedResults.NotFound();
        return TypedResults.Ok(await db.PhaseChanges.AsNoTracking().Where(c => c.NetworkId == id)
            .OrderBy(c => c.RecordedAt).ThenBy(c => c.Id).Select(PhaseChangeDto.Projection).ToListAsync(ct));
    }

    static async Task<Results<Ok<PhaseChangeDto>, NotFound, ProblemHttpResult>> ChangePhase(
        Guid id, ChangePhaseRequest request, ClaimsPrincipal user, NetworksDb db, ICurrentUser actor, TimeProvider clock, CancellationToken ct)
    {
        var network = await db.Networks.SingleOrDefaultAsync(n => n.Id == id, ct);
        if (network is null) return TypedResults.NotFound();
        if (!user.CanEditNetwork(network.SpecialistId)) return NetworkProblems.NotYourNetwork();

        var move = new PhaseMove(network.Phase, request.ToPhase!.Value, request.On!.Value, request.Reason?.Trim());
        var lastChange = await db.PhaseChanges.Where(c => c.NetworkId == id).MaxAsync(c => (DateOnly?)c.On, ct);
        if (PhaseRules.Check(move, network.Ruc is not null, lastChange ?? network.FormedOn, clock.PeruToday()) is { } refusal)
            return refusal.ToProblem();

        var change = new PhaseChange
        {
            NetworkId = id, FromPhase = move.From, ToPhase = move.To, On = move.On, ActorId = actor.Id, ActorName = actor.Name,
            Evidence = request.Evidence.Trim(), DocumentUrl = request.DocumentUrl, Reason = string.IsNullOrEmpty(move.Reason) ? null : move.Reason,
            RecordedAt = clock.GetUtcNow(),
        };
        db.PhaseChanges.Add(change);
        network.Phase = move.To;
        db.AddIntegrationEvent(new NetworkPhaseAdvanced(db.RequiredTenantId(), id, network.ValueChainCode, network.RegionCode,
            (int)move.From, (int)move.To, move.On), id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(PhaseChangeDto.From(change));
    }
}
