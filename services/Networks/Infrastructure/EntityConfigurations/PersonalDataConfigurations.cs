using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.Networks.PersonalData;

namespace RedesPlataforma.Networks.Infrastructure.EntityConfigurations;

sealed class PersonalDataReadConfiguration : IEntityTypeConfiguration<PersonalDataRead>
{
    public void Configure(EntityTypeBuilder<PersonalDataRead> read)
    {
        read.HasKey(r => new { r.TenantId, r.Id });
        read.Property(r => r.ActorName).HasMaxLength(200);
        read.Property(r => r.Action).HasConversion<string>().HasMaxLength(30);
        read.Property(r => r.Query).HasColumnType("jsonb");
        read.Property(r => r.CorrelationId).HasMaxLength(CorrelationIds.MaxLength);
        // The log's page (newest first) and one producer's reads; the key serves neither order.
        read.HasIndex(r => new { r.TenantId, r.At });
        read.HasIndex(r => new { r.TenantId, r.ProducerId, r.At }).HasFilter("producer_id IS NOT NULL");
    }
}
