using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Audit;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Networks.BusinessNetworks;
using RedesPlataforma.Networks.Evidence;
using RedesPlataforma.Networks.Infrastructure;
using RedesPlataforma.Networks.Producers;

namespace RedesPlataforma.Networks.PersonalData;

public sealed record MembershipRecord(Guid NetworkId, string NetworkName, DateOnly JoinedOn, DateOnly? LeftOn, string? LeftReason, bool LeadsNow);

/// <summary>A change of leader that made the person leader (<c>Became</c>) or replaced them.</summary>
public sealed record LeadershipRecord(Guid NetworkId, string NetworkName, DateOnly On, bool Became, DateTimeOffset RecordedAt);

/// <summary>A phase change of one of the person's networks whose evidence or reason names them.</summary>
public sealed record NamingPhaseChange(Guid NetworkId, string NetworkName, Phase FromPhase, Phase ToPhase, DateOnly On, string Evidence, string? Reason, string? DocumentUrl);

/// <summary>An evidence file that names the person or documents a change that does; <c>ContentUrl</c> fetches its bytes.</summary>
public sealed record NamingEvidence(EvidenceSummary File, Guid? PhaseChangeId, Guid? MonitoringRecordId, DateOnly? MonitoringPeriod, string ContentUrl);

/// <summary>Networks' part of a producer's data bundle: everything this service holds about the person.</summary>
public sealed record ProducerDataPart(
    string Service, ProducerDto Producer, IReadOnlyList<IncomeDto> Incomes, IReadOnlyList<MembershipRecord> Memberships,
    IReadOnlyList<LeadershipRecord> LeaderHistory, IReadOnlyList<NamingPhaseChange> PhaseChanges, IReadOnlyList<NamingEvidence> Evidence);

/// <summary>
/// <c>GET api/producers/{id}/personal-data</c>: the producer's access right (ARCO) under Ley 29733, answered by this
/// service for its own data; the portal adds Financing's and Reporting's parts (decision 0027). Monitoring records hold
/// network figures, never names, so one is included only when an evidence file attached to it names the person.
/// </summary>
public static class ProducerDataExport
{
    public static RouteHandlerBuilder MapProducerDataExport(this RouteGroupBuilder producers) =>
        producers.MapGet("/{id:guid}/personal-data", Export).RequireAuthorization(Policies.TenantAdmin).WithName("ExportProducerPersonalData")
            .WithDescription("Everything Networks holds about one producer, for the producer's access request; recorded as a read of personal data.");

    static async Task<Results<Ok<ProducerDataPart>, NotFound>> Export(Guid id, NetworksDb db, PersonalDataReads reads, CancellationToken ct)
    {
        reads.ProducerRead(PersonalDataAction.ProducerDataExported, id);
        if (await ProducersApi.DetailsAsync(db, id, ct) is not { } producer) return TypedResults.NotFound();
        var fullName = $"{producer.FirstNames} {producer.LastNames}";

        var incomes = await db.ProducerIncomes.AsNoTracking().Where(i => i.ProducerId == id).OrderBy(i => i.MeasuredOn)
            .Select(i => new IncomeDto(i.Id, i.Kind, i.MeasuredOn, i.AnnualNetIncomePen, i.RecordedBy)).ToListAsync(ct);
        var memberships = await (
            from m in db.Memberships.AsNoTracking()
            join n in db.Networks on m.NetworkId equals n.Id
            where m.ProducerId == id
            orderby m.JoinedOn
            select new MembershipRecord(n.Id, n.Name, m.JoinedOn, m.LeftOn, m.LeftReason, n.LeaderProducerId == id)).ToListAsync(ct);
        var networkIds = memberships.Select(m => m.NetworkId).Distinct().ToList();
        var leadership = await (
            from c in db.LeaderChanges.AsNoTracking()
            join n in db.Networks on c.NetworkId equals n.Id
            where c.ToProducerId == id || c.FromProducerId == id
            orderby c.RecordedAt
            select new LeadershipRecord(n.Id, n.Name, c.On, c.ToProducerId == id, c.RecordedAt)).ToListAsync(ct);

        // Free text cannot be matched in SQL as a person reads a name (accents, case, spacing): the networks' few changes are read and matched here.
        var names = memberships.ToDictionary(m => m.NetworkId, m => m.NetworkName);
        var changes = (await db.PhaseChanges.AsNoTracking().Where(c => networkIds.Contains(c.NetworkId)).OrderBy(c => c.RecordedAt).ToListAsync(ct))
            .Where(c => FoldedText.Mentions(c.Evidence, fullName) || FoldedText.Mentions(c.Reason, fullName)).ToList();
        var changeIds = changes.Select(c => c.Id).ToHashSet();
        var files = (await (
                from f in db.EvidenceFiles.AsNoTracking()
                where networkIds.Contains(f.NetworkId)
                join r in db.MonitoringRecords on f.MonitoringRecordId equals r.Id into records
                from r in records.DefaultIfEmpty()
                orderby f.UploadedAt
                select new { File = f, Period = (DateOnly?)r.Period }).ToListAsync(ct))
            .Where(f => FoldedText.Mentions(f.File.FileName, fullName) || f.File.PhaseChangeId is { } change && changeIds.Contains(change))
            .Select(f => new NamingEvidence(EvidenceSummary.From(f.File), f.File.PhaseChangeId, f.File.MonitoringRecordId, f.Period,
                $"/api/networks/{f.File.NetworkId}/evidence/{f.File.Id}/content"))
            .ToList();

        return TypedResults.Ok(new ProducerDataPart("networks", producer, incomes, memberships, leadership,
            [.. changes.Select(c => new NamingPhaseChange(c.NetworkId, names[c.NetworkId], c.FromPhase, c.ToPhase, c.On, c.Evidence, c.Reason, c.DocumentUrl))],
            files));
    }
}
