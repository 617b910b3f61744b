using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RedesPlataforma.Reporting.Financing;
using RedesPlataforma.Reporting.Networks;
using RedesPlataforma.Reporting.Producers;
using RedesPlataforma.Reporting.Tenants;

namespace RedesPlataforma.Reporting.Infrastructure.EntityConfigurations;

// Entity state projections: one row per source entity, keyed by the source's id.

sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> institution)
    {
        institution.ToTable("institutions");
        institution.HasKey(i => i.TenantId);
        institution.Property(i => i.Slug).HasMaxLength(100);
        institution.Property(i => i.Name).HasMaxLength(300);
        institution.Property(i => i.Kind).HasMaxLength(40);
    }
}

sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> staff)
    {
        staff.ToTable("staff_members");
        staff.Property(s => s.Id).ValueGeneratedNever();
    }
}

sealed class ProducerConfiguration : IEntityTypeConfiguration<Producer>
{
    public void Configure(EntityTypeBuilder<Producer> producer)
    {
        producer.ToTable("producers");
        producer.Property(p => p.Id).ValueGeneratedNever();
        Columns.Place(producer);
        producer.Property(p => p.Gender).HasMaxLength(10);
        producer.Property(p => p.DniHash).HasMaxLength(Columns.DniHashLength);
    }
}

sealed class NetworkConfiguration : IEntityTypeConfiguration<Network>
{
    public void Configure(EntityTypeBuilder<Network> network)
    {
        network.ToTable("networks");
        network.Property(n => n.Id).ValueGeneratedNever();
        Columns.Place(network);
        network.Ignore(n => n.FactPhase);
    }
}

sealed class MonitoringRecordConfiguration : IEntityTypeConfiguration<MonitoringRecord>
{
    public void Configure(EntityTypeBuilder<MonitoringRecord> record)
    {
        record.ToTable("monitoring_records");
        record.HasKey(r => new { r.TenantId, r.NetworkId, r.Period });
        Columns.Place(record);
        record.Property(r => r.Sales).HasPrecision(14, 2);
        record.Property(r => r.AverageMemberNetIncome).HasPrecision(14, 2);
        record.Property(r => r.IncomeChangePercent).HasPrecision(9, 2);
    }
}

sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> programme)
    {
        programme.ToTable("programmes");
        programme.Property(p => p.Id).ValueGeneratedNever();
        programme.Property(p => p.Name).HasMaxLength(200);
        programme.Property(p => p.Funder).HasMaxLength(200);
        programme.Property(p => p.TotalBudget).HasPrecision(14, 2);
        programme.HasIndex(p => p.OwnerTenantId);
    }
}

sealed class BusinessPlanConfiguration : IEntityTypeConfiguration<BusinessPlan>
{
    public void Configure(EntityTypeBuilder<BusinessPlan> plan)
    {
        plan.ToTable("business_plans");
        plan.Property(p => p.Id).ValueGeneratedNever();
        Columns.Place(plan);
        plan.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        plan.Property(p => p.ProgrammeFunds).HasPrecision(14, 2);
        plan.Property(p => p.NetworkCash).HasPrecision(14, 2);
        plan.Property(p => p.NetworkInKind).HasPrecision(14, 2);
        // A phase change loads every fact of the network.
        plan.HasIndex(p => new { p.TenantId, p.NetworkId });
    }
}

sealed class DisbursementConfiguration : IEntityTypeConfiguration<Disbursement>
{
    public void Configure(EntityTypeBuilder<Disbursement> disbursement)
    {
        disbursement.ToTable("disbursements");
        PlanMovementConfiguration.Configure(disbursement);
        disbursement.Property(d => d.Amount).HasPrecision(14, 2);
    }
}

sealed class ContributionConfiguration : IEntityTypeConfiguration<Contribution>
{
    public void Configure(EntityTypeBuilder<Contribution> contribution)
    {
        contribution.ToTable("contributions");
        PlanMovementConfiguration.Configure(contribution);
        contribution.Property(c => c.Cash).HasPrecision(14, 2);
        contribution.Property(c => c.InKind).HasPrecision(14, 2);
    }
}

static class PlanMovementConfiguration
{
    public static void Configure<T>(EntityTypeBuilder<T> movement) where T : PlanMovement
    {
        movement.Property(m => m.Id).ValueGeneratedNever();
        Columns.Place(movement);
        movement.HasIndex(m => new { m.TenantId, m.NetworkId });
    }
}
