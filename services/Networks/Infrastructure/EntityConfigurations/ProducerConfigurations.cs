using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RedesPlataforma.Networks.Places;
using RedesPlataforma.Networks.Producers;

namespace RedesPlataforma.Networks.Infrastructure.EntityConfigurations;

sealed class ProducerConfiguration : IEntityTypeConfiguration<Producer>
{
    public void Configure(EntityTypeBuilder<Producer> producer)
    {
        producer.HasAlternateKey(p => new { p.TenantId, p.Id });
        producer.Property(p => p.Dni).HasMaxLength(8).IsFixedLength();
        producer.Property(p => p.FirstNames).HasMaxLength(100);
        producer.Property(p => p.LastNames).HasMaxLength(100);
        producer.Property(p => p.Gender).HasConversion<string>().HasMaxLength(10);
        producer.Property(p => p.DistrictCode).HasMaxLength(6).IsFixedLength();
        producer.Property(p => p.RegionCode).HasMaxLength(6);
        producer.Property(p => p.Phone).HasMaxLength(20);
        producer.Property(p => p.Version).IsRowVersion();
        // search_text() is created by the ProducerSearchName migration (lower + unaccent, immutable).
        producer.Property(p => p.SearchName).HasMaxLength(201)
            .HasComputedColumnSql("search_text(first_names::text || ' ' || last_names::text)", stored: true);
        producer.HasIndex(p => p.Dni).IsUnique();
        // The list's two orders, covering every column a page shows, so a page and its COUNT are index-only scans and a deep
        // OFFSET skips index entries instead of heap rows (docs/performance.md, "Producer list").
        producer.HasIndex(p => new { p.TenantId, p.LastNames, p.FirstNames, p.Id })
            .IncludeProperties(p => new { p.Dni, p.Gender, p.BirthYear, p.DistrictCode, p.RegionCode, p.IsActive });
        producer.HasIndex(p => new { p.TenantId, p.RegionCode, p.LastNames, p.FirstNames, p.Id })
            .IncludeProperties(p => new { p.Dni, p.Gender, p.BirthYear, p.DistrictCode, p.IsActive });
        producer.HasOne<District>().WithMany().HasForeignKey(p => p.DistrictCode).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class ProducerIncomeConfiguration : IEntityTypeConfiguration<ProducerIncome>
{
    public void Configure(EntityTypeBuilder<ProducerIncome> income)
    {
        income.Property(i => i.Kind).HasConversion<string>().HasMaxLength(10);
        income.Property(i => i.AnnualNetIncomePen).HasPrecision(14, 2);
        income.HasOne<Producer>().WithMany()
            .HasForeignKey(i => new { i.TenantId, i.ProducerId }).HasPrincipalKey(p => new { p.TenantId, p.Id })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
