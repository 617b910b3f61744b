using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RedesPlataforma.Networks.Producers;
using RedesPlataforma.Networks.Producers.Erasure;

namespace RedesPlataforma.Networks.Infrastructure.EntityConfigurations;

sealed class ErasureRecordConfiguration : IEntityTypeConfiguration<ErasureRecord>
{
    public void Configure(EntityTypeBuilder<ErasureRecord> record)
    {
        record.Property(r => r.Reason).HasConversion<string>().HasMaxLength(20);
        record.HasIndex(r => new { r.TenantId, r.ProducerId }).IsUnique();
        record.HasOne<Producer>().WithMany()
            .HasForeignKey(r => new { r.TenantId, r.ProducerId }).HasPrincipalKey(p => new { p.TenantId, p.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}
