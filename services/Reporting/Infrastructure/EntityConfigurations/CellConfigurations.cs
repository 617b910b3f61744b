using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RedesPlataforma.Reporting.Cells;

namespace RedesPlataforma.Reporting.Infrastructure.EntityConfigurations;

// Cells: the primary key is the grain, tenant first, so a tenant's dashboard reads one index range. Every other
// column is a measure (CellCatalog reads them from this mapping).

sealed class SpecialistCellConfiguration : IEntityTypeConfiguration<SpecialistCell>
{
    public void Configure(EntityTypeBuilder<SpecialistCell> cell) => Grain.Of(cell, "specialist_cells", c => c.TenantId);
}

sealed class ProducerCellConfiguration : IEntityTypeConfiguration<ProducerCell>
{
    public void Configure(EntityTypeBuilder<ProducerCell> cell) =>
        Grain.Of(cell, "producer_cells", c => new { c.TenantId, c.RegionCode }, Columns.Place);
}

sealed class ProducerMonthCellConfiguration : IEntityTypeConfiguration<ProducerMonthCell>
{
    public void Configure(EntityTypeBuilder<ProducerMonthCell> cell) =>
        Grain.Of(cell, "producer_month_cells", c => new { c.TenantId, c.RegionCode, c.Month }, Columns.Place);
}

sealed class NetworkCellConfiguration : IEntityTypeConfiguration<NetworkCell>
{
    public void Configure(EntityTypeBuilder<NetworkCell> cell) =>
        Grain.Of(cell, "network_cells", c => new { c.TenantId, c.RegionCode, c.ValueChain, c.Phase }, Columns.Place);
}

sealed class FinancingCellConfiguration : IEntityTypeConfiguration<FinancingCell>
{
    public void Configure(EntityTypeBuilder<FinancingCell> cell) =>
        Grain.Of(cell, "financing_cells", c => new { c.TenantId, c.RegionCode, c.ValueChain, c.Phase }, Columns.Financing);
}

sealed class FinancingMonthCellConfiguration : IEntityTypeConfiguration<FinancingMonthCell>
{
    public void Configure(EntityTypeBuilder<FinancingMonthCell> cell) =>
        Grain.Of(cell, "financing_month_cells", c => new { c.TenantId, c.RegionCode, c.ValueChain, c.Phase, c.ProgrammeId, c.Month }, Columns.Financing);
}

sealed class MonitoringCellConfiguration : IEntityTypeConfiguration<MonitoringCell>
{
    public void Configure(EntityTypeBuilder<MonitoringCell> cell) =>
        Grain.Of(cell, "monitoring_cells", c => new { c.TenantId, c.RegionCode, c.ValueChain, c.Phase }, Columns.Monitoring);
}

sealed class MonitoringMonthCellConfiguration : IEntityTypeConfiguration<MonitoringMonthCell>
{
    public void Configure(EntityTypeBuilder<MonitoringMonthCell> cell) =>
        Grain.Of(cell, "monitoring_month_cells", c => new { c.TenantId, c.RegionCode, c.ValueChain, c.Phase, c.Month }, Columns.Monitoring);
}

/// <summary>Keyed by tenant, then hash: the tenant's own rows stay one index range like every cell's.</summary>
sealed class PersonCellConfiguration : IEntityTypeConfiguration<PersonCell>
{
    public void Configure(EntityTypeBuilder<PersonCell> cell)
    {
        Grain.Of(cell, "person_cells", c => new { c.TenantId, c.DniHash });
        cell.Property(c => c.DniHash).HasMaxLength(Columns.DniHashLength);
    }
}

/// <summary>The grain only; its measures are the national cells' (<see cref="MapMeasuresOf"/>, once every cell type is mapped).</summary>
sealed class BreakdownCellConfiguration : IEntityTypeConfiguration<BreakdownCell>
{
    public void Configure(EntityTypeBuilder<BreakdownCell> cell)
    {
        Grain.Of(cell, "breakdown_cells", c => new { c.TenantId, c.Dimension, c.Key });
        cell.Property(c => c.Dimension).HasConversion<string>().HasMaxLength(20);
        cell.Property(c => c.Key).HasMaxLength(40); // a tenant id, a region or value chain code, or a phase
    }

    /// <summary>
    /// Every measure of the national cells, as a shadow property of the same type and precision: the roll-up cannot
    /// drift from the cells it sums, and nothing but SQL generated from this mapping ever reads it.
    /// </summary>
    public static void MapMeasuresOf(ModelBuilder builder)
    {
        var breakdown = builder.Entity<BreakdownCell>();
        var measures = builder.Model.GetEntityTypes()
            .Where(t => typeof(INationalCell).IsAssignableFrom(t.ClrType))
            .SelectMany(t => t.GetProperties().Where(p => !p.IsKey()))
            .DistinctBy(p => p.Name);
        foreach (var measure in measures)
        {
            var column = breakdown.Property(measure.ClrType, measure.Name);
            if (measure.GetPrecision() is { } precision) column.HasPrecision(precision, measure.GetScale() ?? 0);
        }
    }
}

static class Grain
{
    public static void Of<T>(EntityTypeBuilder<T> cell, string table, Expression<Func<T, object?>> key, Action<EntityTypeBuilder>? columns = null) where T : Cell
    {
        cell.ToTable(table);
        cell.HasKey(key);
        columns?.Invoke(cell);
    }
}
