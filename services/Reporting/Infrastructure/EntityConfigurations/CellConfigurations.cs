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

static class Grain
{
    public static void Of<T>(EntityTypeBuilder<T> cell, string table, Expression<Func<T, object?>> key, Action<EntityTypeBuilder>? columns = null) where T : Cell
    {
        cell.ToTable(table);
        cell.HasKey(key);
        columns?.Invoke(cell);
    }
}
