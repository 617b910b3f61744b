using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RedesPlataforma.Networks.BusinessNetworks;
using RedesPlataforma.Networks.Evidence;
using RedesPlataforma.Networks.Monitoring;

namespace RedesPlataforma.Networks.Infrastructure.EntityConfigurations;

sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> file)
    {
        // The client picks the id: keyed per tenant, so one tenant's id can neither clash with nor reveal another's.
        file.HasKey(e => new { e.TenantId, e.Id }).HasName("pk_evidence_files");
        file.Property(e => e.Id).ValueGeneratedNever();
        file.Property(e => e.FileName).HasMaxLength(EvidenceFileName.MaxLength);
        file.Property(e => e.ContentType).HasMaxLength(40);
        file.Property(e => e.Sha256).HasMaxLength(32);
        file.Property(e => e.UploadedByName).HasMaxLength(200);
        file.Property(e => e.Version).IsRowVersion();
        file.HasIndex(e => new { e.TenantId, e.NetworkId, e.UploadedAt });
        file.HasIndex(e => new { e.TenantId, e.PhaseChangeId }).HasFilter("phase_change_id IS NOT NULL");
        file.HasIndex(e => new { e.TenantId, e.MonitoringRecordId }).HasFilter("monitoring_record_id IS NOT NULL");
        file.ToTable(t => t.HasCheckConstraint("ck_evidence_files_one_owner", "phase_change_id IS NULL OR monitoring_record_id IS NULL"));
        file.HasOne<BusinessNetwork>().WithMany()
            .HasForeignKey(e => new { e.TenantId, e.NetworkId }).HasPrincipalKey(n => new { n.TenantId, n.Id })
            .OnDelete(DeleteBehavior.Restrict);
        file.HasOne<PhaseChange>().WithMany()
            .HasForeignKey(e => new { e.TenantId, e.PhaseChangeId }).HasPrincipalKey(c => new { c.TenantId, c.Id })
            .OnDelete(DeleteBehavior.Restrict);
        file.HasOne<MonitoringRecord>().WithMany()
            .HasForeignKey(e => new { e.TenantId, e.MonitoringRecordId }).HasPrincipalKey(r => new { r.TenantId, r.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class EvidenceContentConfiguration : IEntityTypeConfiguration<EvidenceContent>
{
    public void Configure(EntityTypeBuilder<EvidenceContent> content)
    {
        content.HasKey(c => new { c.TenantId, c.EvidenceId });
        content.HasOne<EvidenceFile>().WithOne()
            .HasForeignKey<EvidenceContent>(c => new { c.TenantId, c.EvidenceId }).HasPrincipalKey<EvidenceFile>(e => new { e.TenantId, e.Id })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
