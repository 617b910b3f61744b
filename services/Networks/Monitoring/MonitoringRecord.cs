using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Persistence;

namespace RedesPlataforma.Networks.Monitoring;

/// <summary>A network's indicators for one period (a month): sales, volume, productivity, post-harvest, market access, income.</summary>
public sealed class MonitoringRecord : AuditedEntity, ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid NetworkId { get; init; }

    /// <summary>The first day of the month the record covers.</summary>
    public DateOnly Period { get; init; }

    public decimal SalesPen { get; set; }
    public decimal Volume { get; set; }
    public required string VolumeUnit { get; set; }
    public decimal Productivity { get; set; }
    public required string ProductivityUnit { get; set; }
    public List<string> PostHarvestPractices { get; set; } = [];
    public List<string> MarketChannels { get; set; } = [];

    /// <summary>Members' average net income for the period, in PEN.</summary>
    public decimal AverageMemberNetIncomePen { get; set; }

    /// <summary>The row version (xmin): the ETag of the record, and the concurrency token of its corrections.</summary>
    public uint Version { get; set; }
}
