using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.Networks.Evidence;
using RedesPlataforma.Networks.Infrastructure;
using RedesPlataforma.Networks.Producers;

namespace RedesPlataforma.Networks.BusinessNetworks;

/// <summary>Reads the network endpoints share. Every query runs under the tenant filter (and row-level security).</summary>
static class NetworkQueries
{
    /// <summary>The network's current members (or just <paramref name="producerId"/>, if given and a current member).</summary>
    public static IQueryable<MemberDto> CurrentMembers(NetworksDb db, Guid networkId, Guid? leaderId, Guid? producerId = null) =>
        db.Memberships.Where(m => m.NetworkId == networkId && m.LeftOn == null && (producerId == null || m.ProducerId == producerId))
            .Join(db.Producers, m => m.ProducerId, p => p.Id, (m, p) => new { m, p })
            .OrderBy(x => x.p.LastNames).ThenBy(x => x.p.FirstNames).ThenBy(x => x.p.Id)
            .Select(x => new MemberDto(x.p.Id, x.p.FirstNames + " " + x.p.LastNames, x.p.Gender, x.m.JoinedOn, x.p.Id == leaderId));

    /// <summary>The network's current member count and how many of them are women.</summary>
    public static async Task<MemberCounts> CountsAsync(NetworksDb db, Guid networkId, CancellationToken ct)
    {
        var genders = await db.Memberships.Where(m => m.NetworkId == networkId && m.LeftOn == null)
            .Join(db.Producers, m => m.ProducerId, p => p.Id, (_, p) => p.Gender).ToListAsync(ct);
        return new MemberCounts(genders.Count, genders.Count(g => g == Gender.Female));
    }

    public static async Task<NetworkDetails?> DetailsAsync(NetworksDb db, Guid id, CancellationToken ct)
    {
        var network = await db.Networks.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, ct);
        if (network is null) return null;
        var specialistName = await db.Specialists.Where(s => s.Id == network.SpecialistId).Select(s => s.FullName).SingleOrDefaultAsync(ct);
        var members = await CurrentMembers(db, id, network.LeaderProducerId).ToListAsync(ct);
        var phases = await PhaseHistoryAsync(db, id, ct);
        return new NetworkDetails(network.Id, network.Name, network.ValueChainCode, network.RegionCode, network.SpecialistId, specialistName,
            network.FormedOn, network.LegalForm, network.Ruc, network.Phase, network.WomenLed, members.SingleOrDefault(m => m.IsLeader),
            members, members.Count, members.Count(m => m.Gender == Gender.Female), phases, network.CreatedAt, network.UpdatedAt,
            Preconditions.Version(network.Version));
    }

    /// <summary>The network's phase changes, oldest first, each with the files attached to it (two queries in all).</summary>
    public static async Task<List<PhaseChangeDto>> PhaseHistoryAsync(NetworksDb db, Guid networkId, CancellationToken ct)
    {
        var changes = await db.PhaseChanges.AsNoTracking().Where(c => c.NetworkId == networkId)
            .OrderBy(c => c.RecordedAt).ThenBy(c => c.Id).ToListAsync(ct);
        var files = await EvidenceAttachments.OfPhaseChangesAsync(db, networkId, ct);
        return [.. changes.Select(c => PhaseChangeDto.From(c, files[c.Id]))];
    }

    /// <summary>
    /// Marks the network row as changed, so the save checks its version (xmin) and stamps who changed it:
    /// membership and leader changes racing on one network then conflict instead of both committing.
    /// </summary>
    public static void Touch(this NetworksDb db, BusinessNetwork network) =>
        db.Entry(network).Property(n => n.UpdatedAt).IsModified = true;
}

public sealed record MemberCounts(int Members, int Women)
{
    public MemberCounts With(Gender gender, int delta) => new(Members + delta, Women + (gender == Gender.Female ? delta : 0));
}
