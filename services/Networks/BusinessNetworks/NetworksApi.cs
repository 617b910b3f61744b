using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Networks.Access;
using RedesPlataforma.Networks.Infrastructure;
using RedesPlataforma.Networks.Producers;
using RedesPlataforma.Networks.Producers.Erasure;
using RedesPlataforma.Networks.ValueChains;

namespace RedesPlataforma.Networks.BusinessNetworks;

/// <summary>
/// Business networks: form, read, list and update. Every tenant role reads; writing needs the Specialist policy and,
/// for a specialist, a network assigned to them. Members, leader, phases and the specialist are mapped on the same group.
/// </summary>
public static class NetworksApi
{
    public static RouteGroupBuilder MapBusinessNetworksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/networks").WithTags("Business networks").RequireAuthorization(Policies.TenantMember);
        api.MapGet("/", ListNetworks).WithName("ListNetworks")
            .WithDescription("The tenant's business networks, filtered and paged.");
        api.MapGet("/{id:guid}", GetNetwork).WithName("GetNetwork")
            .WithDescription("One business network.");
        api.MapPost("/", FormNetwork).RequireAuthorization(Policies.Specialist).WithName("FormNetwork")
            .WithDescription("Forms a business network around a value chain.");
        api.MapPut("/{id:guid}", UpdateNetwork).RequireAuthorization(Policies.Specialist).WithName("UpdateNetwork")
            .WithDescription("Replaces a network's data.");
        api.MapNetworkMembersApi();
        api.MapNetworkPhasesApi();
        api.MapNetworkSpecialistApi();
        return api;
    }

    static async Task<Ok<Page<NetworkSummary>>> ListNetworks([AsParameters] PageRequest page, [AsParameters] NetworkFilter filter, NetworksDb db, CancellationToken ct)
    {
        var search = filter.Search?.Trim();
        var region = Regions.Find(filter.Region)?.Code ?? filter.Region;
        var result = await db.Networks.AsNoTracking()
            .Where(n => region == null || n.RegionCode == region)
            .Where(n => filter.Chain == null || n.ValueChainCode == filter.Chain)
            .Where(n => filter.Phase == null || n.Phase == filter.Phase)
            .Where(n => filter.Specialist == null || n.SpecialistId == filter.Specialist)
            .Where(n => filter.WomenLed == null || n.WomenLed == filter.WomenLed)
            .Where(n => string.IsNullOrEmpty(search) || EF.Functions.ILike(n.Name, $"%{search}%"))
            .OrderBy(n => n.Name).ThenBy(n => n.Id)
            .Select(n => new NetworkSummary(n.Id, n.Name, n.ValueChainCode, n.RegionCode, n.SpecialistId, n.Phase, n.WomenLed,
                n.LegalForm, n.FormedOn, n.Memberships.Count(m => m.LeftOn == null), Preconditions.Version(n.Version)))
            .ToPageAsync(page, ct);
        return TypedResults.Ok(result);
    }

    static async Task<Results<Ok<NetworkDetails>, NotFound>> GetNetwork(Guid id, NetworksDb db, HttpResponse response, CancellationToken ct)
    {
        if (await NetworkQueries.DetailsAsync(db, id, ct) is not { } details) return TypedResults.NotFound();
        response.SetETag(details.Version);
        return TypedResults.Ok(details);
    }

    static async Task<Results<Created<NetworkDetails>, ProblemHttpResult>> FormNetwork(
        FormNetworkRequest request, ClaimsPrincipal user, NetworksDb db, ICurrentUser actor, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        if (!user.CanEditNetwork(request.SpecialistId)) return NetworkProblems.NotYourNetwork();
        var memberIds = request.MemberIds.Distinct().ToList();
        var members = await db.Producers.AsNoTracking().Where(p => memberIds.Contains(p.Id) && p.IsActive).ToListAsync(ct);
        if (await FormationRefusalAsync(request, memberIds, members.Select(m => m.Id).ToList(), db, clock, ct) is { } refusal)
            return refusal.ToProblem();
        if (members.Select(m => ErasureRules.CheckUse(m, "memberIds")).FirstOrDefault(r => r is not null) is { } anonymous)
            return anonymous.ToProblem();

        var formedOn = request.FormedOn!.Value;
        var leaderGender = members.Single(m => m.Id == request.LeaderProducerId).Gender;
        var network = new BusinessNetwork
        {
            TenantId = db.RequiredTenantId(), // now rather than at the save: NetworkFormed is built from the network before it
            Name = request.Name.Trim(), ValueChainCode = request.ValueChainCode, RegionCode = Regions.Find(request.RegionCode)!.Code,
            SpecialistId = request.SpecialistId, FormedOn = formedOn, LegalForm = request.LegalForm ?? LegalForm.Informal, Ruc = request.Ruc,
            LeaderProducerId = request.LeaderProducerId, WomenLed = leaderGender == Gender.Female, Phase = Phase.Preparation,
        };
        network.Memberships.AddRange(memberIds.Select(p => new Membership { NetworkId = network.Id, ProducerId = p, JoinedOn = formedOn, AddedBy = actor.Id }));
        db.Networks.Add(network);
        db.LeaderChanges.Add(new LeaderChange
        {
            NetworkId = network.Id, ToProducerId = request.LeaderProducerId, On = formedOn, ActorId = actor.Id, RecordedAt = clock.GetUtcNow(),
        });
        db.SpecialistAssignments.Add(new SpecialistAssignment
        {
            NetworkId = network.Id, ToSpecialistId = request.SpecialistId, On = formedOn, ActorId = actor.Id, RecordedAt = clock.GetUtcNow(),
        });
        db.AddIntegrationEvent(NetworkIntegrationEvents.Formed(network, new MemberCounts(members.Count, members.Count(m => m.Gender == Gender.Female))), network.Id);
        await db.SaveChangesAsync(ct);
        var created = (await NetworkQueries.DetailsAsync(db, network.Id, ct))!;
        response.SetETag(created.Version);
        return TypedResults.Created($"/api/networks/{network.Id}", created);
    }

    /// <summary>
    /// Everything the formation refers to must exist in the caller's tenant. An id of another tenant's specialist or
    /// producer is simply unknown here (tenant filter and row-level security), so it gets the same answer as a made-up one.
    /// </summary>
    static async Task<Refusal?> FormationRefusalAsync(
        FormNetworkRequest request, List<Guid> memberIds, List<Guid> activeMembers, NetworksDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!await ValueChainCatalog.ExistsAsync(db, request.ValueChainCode, ct))
            return Refusal.Unprocessable("valueChainCode", "Unknown value chain. / Cadena de valor desconocida.");
        if (await db.Specialists.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.SpecialistId, ct) is not { CanLeadNetworks: true })
            return Refusal.Unprocessable("specialistId",
                "The specialist is not an active specialist of your institution. / El especialista no es un especialista activo de su institución.");
        if (memberIds.Except(activeMembers).ToList() is { Count: > 0 } unknown)
            return Refusal.Unprocessable("memberIds",
                $"These producers are not active producers of your institution: {string.Join(", ", unknown)}. / " +
                $"Estos productores no son productores activos de su institución: {string.Join(", ", unknown)}.");
        if (!memberIds.Contains(request.LeaderProducerId))
            return Refusal.Unprocessable("leaderProducerId", "The leader must be one of the members. / El líder debe ser uno de los miembros.");
        if (request.FormedOn > clock.PeruToday())
            return Refusal.Unprocessable("formedOn", "The formation date cannot be in the future. / La fecha de conformación no puede ser futura.");
        if (await db.Networks.AnyAsync(n => n.Name == request.Name.Trim(), ct))
            return NameTaken();
        if (request.Ruc is { } ruc && await db.Networks.AnyAsync(n => n.Ruc == ruc, ct))
            return RucTaken();
        return null;
    }

    /// <summary>Updates the basics; with <c>If-Match</c>, only if the network is still the version the client read (else 412).</summary>
    static async Task<Results<Ok<NetworkDetails>, NotFound, ProblemHttpResult>> UpdateNetwork(
        Guid id, UpdateNetworkRequest request, ClaimsPrincipal user, NetworksDb db, HttpContext http, CancellationToken ct)
    {
        var network = await db.Networks.SingleOrDefaultAsync(n => n.Id == id, ct);
        if (network is null) return TypedResults.NotFound();
        if (!user.CanEditNetwork(network.SpecialistId)) return NetworkProblems.NotYourNetwork();
        if (Preconditions.Stale(http.Request, network.Version) is { } readStale) return readStale;
        var name = request.Name.Trim();
        if (name != network.Name && await db.Networks.AnyAsync(n => n.Name == name && n.Id != id, ct)) return NameTaken().ToProblem();
        if (request.Ruc is { } ruc && ruc != network.Ruc && await db.Networks.AnyAsync(n => n.Ruc == ruc && n.Id != id, ct)) return RucTaken().ToProblem();
        if (network.Phase == Phase.Consolidation && request.Ruc is null)
            return Refusal.Conflict("ruc", "A consolidated network keeps its RUC. / Una red consolidada debe conservar su RUC.").ToProblem();

        network.Name = name;
        network.LegalForm = request.LegalForm!.Value;
        network.Ruc = request.Ruc;
        db.Touch(network);
        // A write that committed since the read above changed the version: 412, never a lost update.
        if (await db.SaveChangesOrPreconditionFailedAsync(
                c => db.Networks.Where(n => n.Id == id).Select(n => (uint?)n.Version).SingleOrDefaultAsync(c), ct) is { } stale)
            return stale;
        var updated = (await NetworkQueries.DetailsAsync(db, id, ct))!;
        http.Response.SetETag(updated.Version);
        return TypedResults.Ok(updated);
    }

    static Refusal RucTaken() => Refusal.Conflict("ruc", "Another network of your institution has this RUC. / Otra red de su institución tiene este RUC.");

    static Refusal NameTaken() => Refusal.Conflict("name", "Your institution already has a network with this name. / Su institución ya tiene una red con este nombre.");
}
