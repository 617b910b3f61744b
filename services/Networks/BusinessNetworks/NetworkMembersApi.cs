using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Networks.Access;
using RedesPlataforma.Networks.Infrastructure;
using RedesPlataforma.Networks.Producers;
using RedesPlataforma.Networks.Producers.Erasure;

namespace RedesPlataforma.Networks.BusinessNetworks;

/// <summary>
/// Who belongs to a network and who leads it. Leaving closes a membership (kept as history, with its reason); the
/// leader is always a current member, so the leader cannot leave before another leader is set.
/// </summary>
public static class NetworkMembersApi
{
    public static RouteGroupBuilder MapNetworkMembersApi(this RouteGroupBuilder api)
    {
        api.MapGet("/{id:guid}/members/history", MembershipHistory).WithName("GetNetworkMembershipHistory")
            .WithDescription("Every producer who joined or left a network, with dates.");
        api.MapGet("/{id:guid}/leaders", LeaderHistory).WithName("GetNetworkLeaderHistory")
            .WithDescription("A network's leaders over time.");
        api.MapPost("/{id:guid}/members", AddMember).RequireAuthorization(Policies.Specialist).WithName("AddNetworkMember")
            .WithDescription("Adds a producer of the tenant to a network.");
        api.MapPost("/{id:guid}/members/{producerId:guid}/remove", RemoveMember).RequireAuthorization(Policies.Specialist)
            .WithName("RemoveNetworkMember")
            .WithDescription("Removes a producer from a network, with a reason and an optional date.");
        api.MapPut("/{id:guid}/leader", ChangeLeader).RequireAuthorization(Policies.Specialist).WithName("ChangeNetworkLeader")
            .WithDescription("Makes one of the network's members its leader.");
        return api;
    }

    /// <summary>Every membership the network ever had, current and closed, oldest first.</summary>
    static async Task<Results<Ok<List<MembershipDto>>, NotFound>> MembershipHistory(Guid id, NetworksDb db, CancellationToken ct)
    {
        if (!await db.Networks.AnyAsync(n => n.Id == id, ct)) return TypedResults.NotFound();
        return TypedResults.Ok(await db.Memberships.Where(m => m.NetworkId == id)
            .Join(db.Producers, m => m.ProducerId, p => p.Id, (m, p) => new { m, p })
            .OrderBy(x => x.m.JoinedOn).ThenBy(x => x.m.Id)
            .Select(x => new MembershipDto(x.p.Id, x.p.FirstNames + " " + x.p.LastNames, x.p.Gender, x.m.JoinedOn, x.m.AddedBy, x.m.LeftOn, x.m.LeftReason, x.m.RemovedBy))
            .ToListAsync(ct));
    }

    static async Task<Results<Ok<List<LeaderChangeDto>>, NotFound>> LeaderHistory(Guid id, NetworksDb db, CancellationToken ct)
    {
        if (!await db.Networks.AnyAsync(n => n.Id == id, ct)) return TypedResults.NotFound();
        return TypedResults.Ok(await db.LeaderChanges.Where(c => c.NetworkId == id).OrderBy(c => c.RecordedAt).ThenBy(c => c.Id)
            .Select(c => new LeaderChangeDto(c.FromProducerId, c.ToProducerId, c.On, c.ActorId, c.RecordedAt)).ToListAsync(ct));
    }

    static async Task<Results<Ok<MembershipDto>, NotFound, ProblemHttpResult>> AddMember(
        Guid id, AddMemberRequest request, ClaimsPrincipal user, NetworksDb db, ICurrentUser actor, TimeProvider clock, CancellationToken ct)
    {
        var network = await db.Networks.SingleOrDefaultAsync(n => n.Id == id, ct);
        if (network is null) return TypedResults.NotFound();
        if (!user.CanEditNetwork(network.SpecialistId)) return NetworkProblems.NotYourNetwork();
        var producer = await db.Producers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.ProducerId && p.IsActive, ct);
        if (producer is null)
            return Refusal.Unprocessable("producerId", "The producer is not an active producer of your institution. / El productor no es un productor activo de su institución.").ToProblem();
        if (await db.Memberships.AnyAsync(m => m.NetworkId == id && m.ProducerId == producer.Id && m.LeftOn == null, ct))
            return Refusal.Conflict("producerId", "The producer is already a member. / El productor ya es miembro.").ToProblem();
        if (ErasureRules.CheckUse(producer, "producerId") is { } anonymous) return anonymous.ToProblem();
        var on = request.On ?? clock.PeruToday();
        if (DateRefusal(on, network.FormedOn, clock) is { } refusal) return refusal.ToProblem();

        var counts = (await NetworkQueries.CountsAsync(db, id, ct)).With(producer.Gender, +1);
        var membership = new Membership { NetworkId = id, ProducerId = producer.Id, JoinedOn = on, AddedBy = actor.Id, AddedAt = clock.GetUtcNow() };
        db.Memberships.Add(membership);
        db.Touch(network);
        db.AddIntegrationEvent(NetworkIntegrationEvents.MembershipChanged(network, membership, counts), id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new MembershipDto(producer.Id, $"{producer.FirstNames} {producer.LastNames}", producer.Gender, on, actor.Id, null, null, null));
    }

    static async Task<Results<Ok<MembershipDto>, NotFound, ProblemHttpResult>> RemoveMember(
        Guid id, Guid producerId, RemoveMemberRequest request, ClaimsPrincipal user, NetworksDb db, ICurrentUser actor, TimeProvider clock, CancellationToken ct)
    {
        var network = await db.Networks.SingleOrDefaultAsync(n => n.Id == id, ct);
        if (network is null) return TypedResults.NotFound();
        if (!user.CanEditNetwork(network.SpecialistId)) return NetworkProblems.NotYourNetwork();
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.NetworkId == id && m.ProducerId == producerId && m.LeftOn == null, ct);
        if (membership is null)
            return Refusal.NotFound("The producer is not a current member of the network. / El productor no es miembro actual de la red.").ToProblem();
        if (network.LeaderProducerId == producerId)
            return Refusal.Conflict("producerId", "The leader cannot leave the network: set a new leader first. / El líder no puede dejar la red: designe primero un nuevo líder.").ToProblem();
        var on = request.On ?? clock.PeruToday();
        if (DateRefusal(on, membership.JoinedOn, clock) is { } refusal) return refusal.ToProblem();

        var producer = await db.Producers.AsNoTracking().SingleAsync(p => p.Id == producerId, ct);
        var counts = (await NetworkQueries.CountsAsync(db, id, ct)).With(producer.Gender, -1);
        membership.LeftOn = on;
        membership.LeftReason = request.Reason.Trim();
        membership.RemovedBy = actor.Id;
        db.Touch(network);
        db.AddIntegrationEvent(NetworkIntegrationEvents.MembershipChanged(network, membership, counts), id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new MembershipDto(producerId, $"{producer.FirstNames} {producer.LastNames}", producer.Gender, membership.JoinedOn,
            membership.AddedBy, on, membership.LeftReason, actor.Id));
    }

    /// <summary>The new leader must be a current member; women-led follows the new leader's gender.</summary>
    static async Task<Results<Ok<NetworkDetails>, NotFound, ProblemHttpResult>> ChangeLeader(
        Guid id, ChangeLeaderRequest request, ClaimsPrincipal user, NetworksDb db, ICurrentUser actor, TimeProvider clock, CancellationToken ct)
    {
        var network = await db.Networks.SingleOrDefaultAsync(n => n.Id == id, ct);
        if (network is null) return TypedResults.NotFound();
        if (!user.CanEditNetwork(network.SpecialistId)) return NetworkProblems.NotYourNetwork();
        var leader = await NetworkQueries.CurrentMembers(db, id, network.LeaderProducerId, request.ProducerId).SingleOrDefaultAsync(ct);
        if (leader is null)
            return Refusal.Unprocessable("producerId", "The leader must be a current member of the network. / El líder debe ser un miembro actual de la red.").ToProblem();
        if (leader.IsLeader)
            return Refusal.Conflict("producerId", "The producer already leads the network. / El productor ya es el líder de la red.").ToProblem();
        var candidate = await db.Producers.AsNoTracking().SingleAsync(p => p.Id == leader.ProducerId, ct);
        if (ErasureRules.CheckUse(candidate, "producerId") is { } anonymous) return anonymous.ToProblem();
        var on = request.On ?? clock.PeruToday();
        if (DateRefusal(on, leader.JoinedOn, clock) is { } refusal) return refusal.ToProblem();

        var change = new LeaderChange
        {
            NetworkId = id, FromProducerId = network.LeaderProducerId, ToProducerId = leader.ProducerId, On = on, ActorId = actor.Id, RecordedAt = clock.GetUtcNow(),
        };
        db.LeaderChanges.Add(change);
        network.LeaderProducerId = leader.ProducerId;
        network.WomenLed = leader.Gender == Gender.Female;
        db.AddIntegrationEvent(NetworkIntegrationEvents.LeaderChanged(network, change, leader.Gender), id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await NetworkQueries.DetailsAsync(db, id, ct))!);
    }

    internal static Refusal? DateRefusal(DateOnly on, DateOnly notBefore, TimeProvider clock) =>
        on > clock.PeruToday() ? Refusal.Unprocessable("on", "The date cannot be in the future. / La fecha no puede ser futura.")
        : on < notBefore ? Refusal.Unprocessable("on", $"The date cannot be before {notBefore:yyyy-MM-dd}. / La fecha no puede ser anterior al {notBefore:yyyy-MM-dd}.")
        : null;
}
