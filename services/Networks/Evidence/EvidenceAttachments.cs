using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.Networks.BusinessNetworks;
using RedesPlataforma.Networks.Infrastructure;

namespace RedesPlataforma.Networks.Evidence;

/// <summary>
/// Attaching uploaded files to a phase change or a monitoring record, and reading them back with it. A file belongs to
/// the network it was uploaded to and documents one change or record only.
/// </summary>
public static class EvidenceAttachments
{
    public const int MaxPerChange = 20;

    /// <summary>
    /// Attaches <paramref name="evidenceIds"/> to the phase change or the monitoring record given (tracked, saved with
    /// it). With <paramref name="replace"/>, files of that record not listed are detached (a PUT's full set).
    /// A file that is unknown here, of another network or already documenting something else refuses all of them.
    /// </summary>
    public static async Task<Refusal?> AttachAsync(NetworksDb db, Guid networkId, IReadOnlyList<Guid>? evidenceIds,
        Guid? phaseChangeId, Guid? monitoringRecordId, bool replace, CancellationToken ct)
    {
        var ids = (evidenceIds ?? []).Distinct().ToList();
        var files = ids.Count == 0 ? [] : await db.EvidenceFiles.Where(e => ids.Contains(e.Id) && e.NetworkId == networkId).ToListAsync(ct);
        if (ids.Except(files.Select(f => f.Id)).ToList() is { Count: > 0 } unknown)
            return Refusal.Unprocessable("evidenceIds",
                $"These files were not uploaded to this network: {string.Join(", ", unknown)}. / Estos archivos no se subieron a esta red: {string.Join(", ", unknown)}.");
        if (files.Where(f => f.IsAttachedElsewhere(phaseChangeId, monitoringRecordId)).Select(f => f.Id).ToList() is { Count: > 0 } taken)
            return Refusal.Unprocessable("evidenceIds",
                $"These files already document another change or record: {string.Join(", ", taken)}. / " +
                $"Estos archivos ya documentan otro cambio o registro: {string.Join(", ", taken)}.");

        if (replace && monitoringRecordId is { } recordId)
            foreach (var dropped in await db.EvidenceFiles.Where(e => e.MonitoringRecordId == recordId && !ids.Contains(e.Id)).ToListAsync(ct))
                dropped.MonitoringRecordId = null;
        foreach (var file in files)
        {
            file.PhaseChangeId = phaseChangeId;
            file.MonitoringRecordId = monitoringRecordId;
        }
        return null;
    }

    /// <summary>The network's files attached to phase changes, by change, oldest upload first.</summary>
    public static async Task<ILookup<Guid, EvidenceSummary>> OfPhaseChangesAsync(NetworksDb db, Guid networkId, CancellationToken ct) =>
        (await db.EvidenceFiles.AsNoTracking().Where(e => e.NetworkId == networkId && e.PhaseChangeId != null)
            .OrderBy(e => e.UploadedAt).ThenBy(e => e.Id)
            .Select(e => new { Key = e.PhaseChangeId!.Value, Summary = new EvidenceSummary(e.Id, e.NetworkId, e.FileName, e.ContentType, e.Size, e.UploadedAt, e.UploadedByName) })
            .ToListAsync(ct)).ToLookup(x => x.Key, x => x.Summary);

    /// <summary>The network's files attached to monitoring records, by record, oldest upload first.</summary>
    public static async Task<ILookup<Guid, EvidenceSummary>> OfMonitoringRecordsAsync(NetworksDb db, Guid networkId, CancellationToken ct) =>
        (await db.EvidenceFiles.AsNoTracking().Where(e => e.NetworkId == networkId && e.MonitoringRecordId != null)
            .OrderBy(e => e.UploadedAt).ThenBy(e => e.Id)
            .Select(e => new { Key = e.MonitoringRecordId!.Value, Summary = new EvidenceSummary(e.Id, e.NetworkId, e.FileName, e.ContentType, e.Size, e.UploadedAt, e.UploadedByName) })
            .ToListAsync(ct)).ToLookup(x => x.Key, x => x.Summary);

    /// <summary>One monitoring record's files, oldest upload first.</summary>
    public static Task<List<EvidenceSummary>> OfMonitoringRecordAsync(NetworksDb db, Guid recordId, CancellationToken ct) =>
        db.EvidenceFiles.AsNoTracking().Where(e => e.MonitoringRecordId == recordId)
            .OrderBy(e => e.UploadedAt).ThenBy(e => e.Id).Select(EvidenceSummary.Projection).ToListAsync(ct);
}
