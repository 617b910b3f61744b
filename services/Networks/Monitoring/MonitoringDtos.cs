using System.ComponentModel.DataAnnotations;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.Networks.Evidence;

namespace RedesPlataforma.Networks.Monitoring;

/// <summary>
/// A network's indicators for one month. <c>Period</c> may be any day of it; it is kept as the first of the month.
/// <c>EvidenceIds</c>: files uploaded to the network beforehand; on a correction (PUT) the full set, absent = unchanged.
/// </summary>
public sealed record MonitoringRequest(
    [property: Required, PlausibleDate] DateOnly? Period,
    [property: Required, Amount] decimal? SalesPen,
    [property: Required, Amount] decimal? Volume,
    [property: Required, StringLength(20, MinimumLength = 1)] string VolumeUnit,
    [property: Required, Amount] decimal? Productivity,
    [property: Required, StringLength(40, MinimumLength = 1)] string ProductivityUnit,
    [property: MaxLength(30), Labels(100)] IReadOnlyList<string>? PostHarvestPractices,
    [property: MaxLength(30), Labels(100)] IReadOnlyList<string>? MarketChannels,
    [property: Required, Amount] decimal? AverageMemberNetIncomePen,
    [property: MaxLength(EvidenceAttachments.MaxPerChange)] IReadOnlyList<Guid>? EvidenceIds = null);

public sealed record MonitoringRecordDto(
    DateOnly Period, decimal SalesPen, decimal Volume, string VolumeUnit, decimal Productivity, string ProductivityUnit,
    IReadOnlyList<string> PostHarvestPractices, IReadOnlyList<string> MarketChannels, decimal AverageMemberNetIncomePen,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<EvidenceSummary> Evidence, string Version)
{
    public static MonitoringRecordDto From(MonitoringRecord r, IEnumerable<EvidenceSummary> evidence) => new(r.Period, r.SalesPen, r.Volume,
        r.VolumeUnit, r.Productivity, r.ProductivityUnit, r.PostHarvestPractices, r.MarketChannels, r.AverageMemberNetIncomePen, r.CreatedAt,
        r.UpdatedAt, [.. evidence], Preconditions.Version(r.Version));
}

/// <summary>A network's records by period, with the change in members' average net income from the first record to the latest.</summary>
public sealed record MonitoringOverview(Guid NetworkId, IReadOnlyList<MonitoringRecordDto> Records, decimal? IncomeChangePercent);
