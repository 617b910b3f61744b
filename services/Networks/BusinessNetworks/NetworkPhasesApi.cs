using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Networks.Access;
using RedesPlataforma.Networks.Evidence;
using RedesPlataforma.Networks.Infrastructure;

namespace RedesPlataforma.Networks.BusinessNetworks;

/// <summary>
/// The methodology's phases: each change (see <see cref="PhaseRules"/>) is recorded with its date, actor and evidence
/// (a written account, and optionally files uploaded before, see <see cref="EvidenceApi"/>).
/// Two changes racing on one network cannot both win: the network's version (xmin) is checked on save, and the
/// loser's DbUpdateConcurrencyException becomes a 409.
/// </summary>
public static class NetworkPhasesApi
{
    public static RouteGroupBuilder MapNetworkPhasesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/{id:guid}/phases", PhaseHistory).WithName("GetNetworkPhaseHistory")
            .WithDescription("A network's methodology phase changes over time.");
        api.MapPost("/{id:guid}/phase", ChangePhase).RequireAuthorization(Policies.Specialist).WithName("ChangeNetworkPhase")
            .WithDescription("Moves a network to another methodology phase, with the date, the evidence and optional files.");
        return api;
    }

    static async Task<Results<Ok<List<PhaseChangeDto>>, NotFound>> PhaseHistory(Guid id, NetworksDb db, CancellationToken ct)
    {
        if (!await db.Networks.AnyAsync(n => n.Id == id, ct)) return TypedResults.NotFound();
        return TypedResults.Ok(await NetworkQueries.PhaseHistoryAsync(db, id, ct));
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
        if (await EvidenceAttachments.AttachAsync(db, id, request.EvidenceIds, change.Id, null, replace: false, ct) is { } evidenceRefusal)
            return evidenceRefusal.ToProblem();
        network.Phase = move.To;
        db.AddIntegrationEvent(NetworkIntegrationEvents.PhaseAdvanced(network, change), id);
        await db.SaveChangesAsync(ct);
        var files = await db.EvidenceFiles.AsNoTracking().Where(e => e.PhaseChangeId == change.Id)
            .OrderBy(e => e.UploadedAt).ThenBy(e => e.Id).Select(EvidenceSummary.Projection).ToListAsync(ct);
        return TypedResults.Ok(PhaseChangeDto.From(change, files));
    }
}
