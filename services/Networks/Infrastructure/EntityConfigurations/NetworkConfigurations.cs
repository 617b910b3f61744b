using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RedesPlataforma.Networks.BusinessNetworks;
using RedesPlataforma.Networks.Monitoring;
using RedesPlataforma.Networks.Producers;
using RedesPlataforma.Networks.Specialists;

namespace RedesPlataforma.Networks.Infrastructure.EntityConfigurations;

sealed class BusinessNetworkConfiguration : IEntityTypeConfiguration<BusinessNetwork>
{
    public void Configure(EntityTypeBuilder<BusinessNetwork> network)
    {
        network.ToTable("networks");
        network.HasAlternateKey(n => new { n.TenantId, n.Id });
        network.Property(n => n.Name).HasMaxLength(200);
        network.Property(n => n.ValueChainCode).HasMaxLength(40);
        network.Property(n => n.RegionCode).HasMaxLength(6);
        network.Property(n => n.LegalForm).HasConversion<string>().HasMaxLength(20);
        network.Property(n => n.Ruc).HasMaxLength(11).IsFixedLength();
        network.Property(n => n.Version).IsRowVersion();
        network.HasIndex(n => n.Name).IsUnique();
        network.HasIndex(n => n.Ruc).IsUnique().HasFilter("ruc IS NOT NULL"); // one network per legal entity
        network.HasIndex(n => new { n.TenantId, n.RegionCode, n.ValueChainCode });
        network.HasIndex(n => new { n.TenantId, n.SpecialistId });
        network.HasOne<Specialist>().WithMany()
            .HasForeignKey(n => new { n.TenantId, n.SpecialistId }).HasPrincipalKey(s => new { s.TenantId, s.Id })
            .OnDelete(DeleteBehavior.Restrict);
        network.HasOne<Producer>().WithMany()
            .HasForeignKey(n => new { n.TenantId, n.LeaderProducerId }).HasPrincipalKey(p => new { p.TenantId, p.Id })
            .OnDelete(DeleteBehavior.Restrict);
        network.HasMany(n => n.Memberships).WithOne()
            .HasForeignKey(m => new { m.TenantId, m.NetworkId }).HasPrincipalKey(n => new { n.TenantId, n.Id });
        network.HasMany(n => n.PhaseHistory).WithOne()
            .HasForeignKey(p => new { p.TenantId, p.NetworkId }).HasPrincipalKey(n => new { n.TenantId, n.Id });
    }
}

sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> membership)
    {
        membership.Property(m => m.LeftReason).HasMaxLength(500);
        membership.Ignore(m => m.IsCurrent);
        // One open membership per producer and network; closed ones stay as history.
        membership.HasIndex(m => new { m.NetworkId, m.ProducerId }).IsUnique().HasFilter("left_on IS NULL");
        membership.HasIndex(m => new { m.TenantId, m.ProducerId });
        membership.HasOne<Producer>().WithMany()
            .HasForeignKey(m => new { m.TenantId, m.ProducerId }).HasPrincipalKey(p => new { p.TenantId, p.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class PhaseChangeConfiguration : IEntityTypeConfiguration<PhaseChange>
{
    public void Configure(EntityTypeBuilder<PhaseChange> change)
    {
        change.Property(c => c.Evidence).HasMaxLength(2000);
        change.Property(c => c.DocumentUrl).HasMaxLength(500);
        change.Property(c => c.Reason).HasMaxLength(1000);
        change.Property(c => c.ActorName).HasMaxLength(200);
    }
}

sealed class LeaderChangeConfiguration : IEntityTypeConfiguration<LeaderChange>
{
    public void Configure(EntityTypeBuilder<LeaderChange> change)
    {
        change.HasOne<BusinessNetwork>().WithMany()
            .HasForeignKey(c => new { c.TenantId, c.NetworkId }).HasPrincipalKey(n => new { n.TenantId, n.Id });
    }
}

sealed class SpecialistAssignmentConfiguration : IEntityTypeConfiguration<SpecialistAssignment>
{
    public void Configure(EntityTypeBuilder<SpecialistAssignment> assignment)
    {
        assignment.Property(a => a.Reason).HasMaxLength(500);
        assignment.HasOne<BusinessNetwork>().WithMany()
            .HasForeignKey(a => new { a.TenantId, a.NetworkId }).HasPrincipalKey(n => new { n.TenantId, n.Id });
    }
}

sealed class MonitoringRecordConfiguration : IEntityTypeConfiguration<MonitoringRecord>
{
    public void Configure(EntityTypeBuilder<MonitoringRecord> record)
    {
        record.Property(r => r.SalesPen).HasPrecision(14, 2);
        record.Property(r => r.Volume).HasPrecision(14, 2);
        record.Property(r => r.Productivity).HasPrecision(14, 2);
        record.Property(r => r.AverageMemberNetIncomePen).HasPrecision(14, 2);
        record.Property(r => r.VolumeUnit).HasMaxLength(20);
        record.Property(r => r.ProductivityUnit).HasMaxLength(40);
        record.Property(r => r.Version).IsRowVersion();
        record.HasIndex(r => new { r.NetworkId, r.Period }).IsUnique();
        record.HasOne<BusinessNetwork>().WithMany()
            .HasForeignKey(r => new { r.TenantId, r.NetworkId }).HasPrincipalKey(n => new { n.TenantId, n.Id });
    }
}
