using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Networks.Access;
using RedesPlataforma.Networks.BusinessNetworks;
using RedesPlataforma.Networks.Evidence;
using RedesPlataforma.Networks.Infrastructure;

namespace RedesPlataforma.Networks.Monitoring;

/// <summary>
/// Monthly monitoring records of a network: one per month (a second POST for the same month is a 409; PUT corrects it).
/// Every tenant role reads; writing follows the network's editor rights. Each save publishes MonitoringRecorded.
/// </summary>
public static class MonitoringApi
{
    public static RouteGroupBuilder MapMonitoringApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/networks/{id:guid}/monitoring").WithTags("Monitoring").RequireAuthorization(Policies.TenantMember);
        api.MapGet("/", ListRecords).WithName("ListMonitoringRecords")
            .WithDescription("A network's monthly monitoring records.");
        api.MapGet("/{period}", GetRecord).WithName("GetMonitoringRecord")
            .WithDescription("A network's monitoring record for one period.");
        api.MapPost("/", AddRecord).RequireAuthorization(Policies.Specialist).WithName("AddMonitoringRecord")
            .WithDescription("Records a network's monitoring for a month: sales, volume, productivity, practices, channels and incomes.");
        api.MapPut("/{period}", CorrectRecord).RequireAuthorization(Policies.Specialist).WithName("CorrectMonitoringRecord")
            .WithDescription("Corrects a period's monitoring record.");
        return api;
    }

    static async Task<Results<Ok<MonitoringOverview>, NotFound>> ListRecords(Guid id, NetworksDb db, CancellationToken ct)
    {
        if (!await db.Networks.AnyAsync(n => n.Id == id, ct)) return TypedResults.NotFound();
        var records = await db.MonitoringRecords.AsNoTracking().Where(r => r.NetworkId == id).OrderBy(r => r.Period).ToListAsync(ct);
        var evidence = await EvidenceAttachments.OfMonitoringRecordsAsync(db, id, ct);
        return TypedResults.Ok(new MonitoringOverview(id, [.. records.Select(r => MonitoringRecordDto.From(r, evidence[r.Id]))],
            IncomeChange.Percent([.. records.Select(r => r.AverageMemberNetIncomePen)])));
    }

    /// <summary>The record of the month that <paramref name="period"/> falls in, with its version as the ETag.</summary>
    static async Task<Results<Ok<MonitoringRecordDto>, NotFound>> GetRecord(Guid id, DateOnly period, NetworksDb db, HttpResponse response, CancellationToken ct)
    {
        var month = period.FirstOfMonth();
        var record = await db.MonitoringRecords.AsNoTracking().SingleOrDefaultAsync(r => r.NetworkId == id && r.Period == month, ct);
        if (record is null) return TypedResults.NotFound();
        var dto = MonitoringRecordDto.From(record, await EvidenceAttachments.OfMonitoringRecordAsync(db, record.Id, ct));
        response.SetETag(dto.Version);
        return TypedResults.Ok(dto);
    }

    static async Task<Results<Created<MonitoringRecordDto>, NotFound, ProblemHttpResult>> AddRecord(
        Guid id, MonitoringRequest request, ClaimsPrincipal user, NetworksDb db, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        var network = await db.Networks.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, ct);
        if (network is null) return TypedResults.NotFound();
        if (!user.CanEditNetwork(network.SpecialistId)) return NetworkProblems.NotYourNetwork();
        var period = request.Period!.Value.FirstOfMonth();
        if (FuturePeriod(period, clock) is { } refusal) return refusal.ToProblem();
        if (await db.MonitoringRecords.AnyAsync(r => r.NetworkId == id && r.Period == period, ct))
            return Refusal.Conflict("period",
                $"The network already has a record for {period:yyyy-MM}; correct it with PUT. / La red ya tiene un registro para {period:yyyy-MM}; corríjalo con PUT.").ToProblem();

        var record = new MonitoringRecord { NetworkId = id, Period = period, VolumeUnit = "", ProductivityUnit = "" };
        Apply(request, record);
        db.MonitoringRecords.Add(record);
        if (await EvidenceAttachments.AttachAsync(db, id, request.EvidenceIds, null, record.Id, replace: false, ct) is { } evidenceRefusal)
            return evidenceRefusal.ToProblem();
        await AddRecordedEventAsync(db, network, record, ct);
        await db.SaveChangesAsync(ct);
        var created = MonitoringRecordDto.From(record, await EvidenceAttachments.OfMonitoringRecordAsync(db, record.Id, ct));
        response.SetETag(created.Version);
        return TypedResults.Created($"/api/networks/{id}/monitoring/{period:yyyy-MM-dd}", created);
    }

    /// <summary>
    /// Corrects the record of the month that <paramref name="period"/> falls in; the body's period must be the same month.
    /// With <c>If-Match</c>, only if the record is still the version the client read (else 412).
    /// </summary>
    static async Task<Results<Ok<MonitoringRecordDto>, NotFound, ProblemHttpResult>> CorrectRecord(
        Guid id, DateOnly period, MonitoringRequest request, ClaimsPrincipal user, NetworksDb db, HttpContext http, CancellationToken ct)
    {
        var network = await db.Networks.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, ct);
        if (network is null) return TypedResults.NotFound();
        if (!user.CanEditNetwork(network.SpecialistId)) return NetworkProblems.NotYourNetwork();
        var month = period.FirstOfMonth();
        if (request.Period!.Value.FirstOfMonth() != month)
            return Refusal.Unprocessable("period", "The body's period must be the month being corrected. / El periodo del cuerpo debe ser el mes que se corrige.").ToProblem();
        var record = await db.MonitoringRecords.SingleOrDefaultAsync(r => r.NetworkId == id && r.Period == month, ct);
        if (record is null) return TypedResults.NotFound();
        if (Preconditions.Stale(http.Request, record.Version) is { } readStale) return readStale;

        Apply(request, record);
        if (request.EvidenceIds is not null
            && await EvidenceAttachments.AttachAsync(db, id, request.EvidenceIds, null, record.Id, replace: true, ct) is { } evidenceRefusal)
            return evidenceRefusal.ToProblem();
        await AddRecordedEventAsync(db, network, record, ct);
        // A correction that committed since the read above changed the version: 412, never a lost update.
        if (await db.SaveChangesOrPreconditionFailedAsync(c => db.MonitoringRecords.Where(r => r.NetworkId == id && r.Period == month)
                .Select(r => (uint?)r.Version).SingleOrDefaultAsync(c), ct) is { } stale)
            return stale;
        var corrected = MonitoringRecordDto.From(record, await EvidenceAttachments.OfMonitoringRecordAsync(db, record.Id, ct));
        http.Response.SetETag(corrected.Version);
        return TypedResults.Ok(corrected);
    }

    static void Apply(MonitoringRequest request, MonitoringRecord record)
    {
        record.SalesPen = request.SalesPen!.Value;
        record.Volume = request.Volume!.Value;
        record.VolumeUnit = request.VolumeUnit.Trim();
        record.Productivity = request.Productivity!.Value;
        record.ProductivityUnit = request.ProductivityUnit.Trim();
        record.PostHarvestPractices = Labels(request.PostHarvestPractices);
        record.MarketChannels = Labels(request.MarketChannels);
        record.AverageMemberNetIncomePen = request.AverageMemberNetIncomePen!.Value;
    }

    static List<string> Labels(IReadOnlyList<string>? labels) => [.. (labels ?? []).Select(l => l.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];

    static Refusal? FuturePeriod(DateOnly period, TimeProvider clock) =>
        period > clock.PeruToday().FirstOfMonth()
            ? Refusal.Unprocessable("period", "The period cannot be a future month. / El periodo no puede ser un mes futuro.")
            : null;

    /// <summary>MonitoringRecorded with the income change as it stands once this record is saved, and the current member count.</summary>
    static async Task AddRecordedEventAsync(NetworksDb db, BusinessNetwork network, MonitoringRecord record, CancellationToken ct)
    {
        var others = await db.MonitoringRecords.AsNoTracking().Where(r => r.NetworkId == network.Id && r.Period != record.Period)
            .Select(r => new { r.Period, r.AverageMemberNetIncomePen }).ToListAsync(ct);
        var incomes = others.Append(new { record.Period, record.AverageMemberNetIncomePen }).OrderBy(r => r.Period).Select(r => r.AverageMemberNetIncomePen).ToList();
        var members = await db.Memberships.CountAsync(m => m.NetworkId == network.Id && m.LeftOn == null, ct);
        db.AddIntegrationEvent(MonitoringIntegrationEvents.Recorded(network, record, incomes, members), network.Id);
    }
}
