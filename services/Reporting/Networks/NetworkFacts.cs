using Microsoft.EntityFrameworkCore;
using RedesPlataforma.Reporting.Cells;
using RedesPlataforma.Reporting.Projections;

namespace RedesPlataforma.Reporting.Networks;

/// <summary>What every consumer of a network's facts does with the network itself. Call under the network's lock.</summary>
public static class NetworkFacts
{
    /// <summary>The network, tracked; a row that counts nowhere yet when NetworkFormed has not arrived.</summary>
    public static Task<Network> NetworkAsync(this ReadModelWriter writer, CellChange change, Guid tenantId, Guid networkId, CancellationToken ct) =>
        writer.FindOrAddAsync(change, [networkId], () => new Network { Id = networkId, TenantId = tenantId }, ct);

    /// <summary>Moves the network, and every fact counted at its phase, to <paramref name="phase"/>.</summary>
    public static async Task MoveToPhaseAsync(this ReadModelWriter writer, CellChange change, Network network, int phase, CancellationToken ct)
    {
        if (network.Phase == phase) return;
        var db = writer.Db;
        IEnumerable<INetworkFact> facts =
        [
            .. await db.Plans.Where(p => p.NetworkId == network.Id).ToListAsync(ct),
            .. await db.Disbursements.Where(d => d.NetworkId == network.Id).ToListAsync(ct),
            .. await db.Contributions.Where(c => c.NetworkId == network.Id).ToListAsync(ct),
            .. await db.MonitoringRecords.Where(r => r.NetworkId == network.Id).ToListAsync(ct),
        ];
        foreach (var fact in facts)
        {
            change.Track(fact);
            fact.Phase = phase;
        }
        network.Phase = phase;
    }
}
