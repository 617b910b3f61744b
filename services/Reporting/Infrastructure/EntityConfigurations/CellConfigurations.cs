using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RedesPlataforma.Reporting.Cells;

namespace RedesPlataforma.Reporting.Infrastructure.EntityConfigurations;

// Cells: the primary key is the grain, tenant first, so a tenant's dashboard reads one index range. Sums are wide
// enough for a national total of many plans (numeric(18,2)); income change sums keep the percentages' two decimals.

sealed class SpecialistCellConfiguration : IEntityTypeConfiguration<SpecialistCell>
{
    public void Configure(EntityTypeBuilder<SpecialistCell> cell)
    {
        cell.ToTable("specialist_cells");
        cell.HasKey(c => c.TenantId);
    }
}

sealed class ProducerCellConfiguration : IEntityTypeConfiguration<ProducerCell>
{
    public void Configure(EntityTypeBuilder<ProducerCell> cell)
    {
        cell.ToTable("producer_cells");
        cell.HasKey(c => new { c.TenantId, c.RegionCode });
        Columns.Place(cell);
    }
}

sealed class ProducerMonthCellConfiguration : IEntityTypeConfiguration<ProducerMonthCell>
{
    public void Configure(EntityTypeBuilder<ProducerMonthCell> cell)
    {
        cell.ToTable("producer_month_cells");
        cell.HasKey(c => new { c.TenantId, c.RegionCode, c.Month });
        Columns.Place(cell);
    }
}

sealed class NetworkCellConfiguration : IEntityTypeConfiguration<NetworkCell>
{
    public void Configure(EntityTypeBuilder<NetworkCell> cell)
    {
        cell.ToTable("network_cells");
        cell.HasKey(c => new { c.TenantId, c.RegionCode, c.ValueChain, c.Phase });
        Columns.Place(cell);
    }
}

sealed class FinancingCellConfiguration : IEntityTypeConfiguration<FinancingCell>
{
    public void Configure(EntityTypeBuilder<FinancingCell> cell)
    {
        cell.ToTable("financing_cells");
        cell.HasKey(c => new { c.TenantId, c.RegionCode, c.ValueChain, c.Phase });
        Columns.Financing(cell);
    }
}

sealed class FinancingMonthCellConfiguration : IEntityTypeConfiguration<FinancingMonthCell>
{
    public void Configure(EntityTypeBuilder<FinancingMonthCell> cell)
    {
        cell.ToTable("financing_month_cells");
        cell.HasKey(c => new { c.TenantId, c.RegionCode, c.ValueChain, c.Phase, c.ProgrammeId, c.Month });
        Columns.Financing(cell);
    }
}

sealed class MonitoringCellConfiguration : IEntityTypeConfiguration<MonitoringCell>
{
    public void Configure(EntityTypeBuilder<MonitoringCell> cell)
    {
        cell.ToTable("monitoring_cells");
        cell.HasKey(c => new { c.TenantId, c.RegionCode, c.ValueChain, c.Phase });
        Columns.Monitoring(cell);
    }
}

sealed class MonitoringMonthCellConfiguration : IEntityTypeConfiguration<MonitoringMonthCell>
{
    public void Configure(EntityTypeBuilder<MonitoringMonthCell> cell)
    {
        cell.ToTable("monitoring_month_cells");
        cell.HasKey(c => new { c.TenantId, c.RegionCode, c.ValueChain, c.Phase, c.Month });
        Columns.Monitoring(cell);
    }
}
