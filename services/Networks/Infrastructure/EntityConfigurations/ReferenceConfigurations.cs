using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RedesPlataforma.Networks.Places;
using RedesPlataforma.Networks.Specialists;
using RedesPlataforma.Networks.ValueChains;

namespace RedesPlataforma.Networks.Infrastructure.EntityConfigurations;

sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> district)
    {
        district.HasKey(d => d.Code);
        district.Property(d => d.Code).HasMaxLength(6).IsFixedLength();
        district.Property(d => d.ReniecCode).HasMaxLength(6).IsFixedLength();
        district.Property(d => d.ProvinceCode).HasMaxLength(4).IsFixedLength();
        district.Property(d => d.DepartmentCode).HasMaxLength(2).IsFixedLength();
        district.Property(d => d.RegionCode).HasMaxLength(6);
        district.Property(d => d.Version).HasMaxLength(40);
        district.HasIndex(d => d.ReniecCode);
        district.HasIndex(d => d.RegionCode);
    }
}

sealed class ValueChainConfiguration : IEntityTypeConfiguration<ValueChain>
{
    public void Configure(EntityTypeBuilder<ValueChain> chain)
    {
        chain.HasKey(c => c.Code);
        chain.Property(c => c.Code).HasMaxLength(40);
        chain.Property(c => c.NameEs).HasMaxLength(100);
        chain.Property(c => c.NameEn).HasMaxLength(100);
    }
}

sealed class TenantValueChainConfiguration : IEntityTypeConfiguration<TenantValueChain>
{
    public void Configure(EntityTypeBuilder<TenantValueChain> chain)
    {
        chain.Property(c => c.Code).HasMaxLength(40);
        chain.Property(c => c.NameEs).HasMaxLength(100);
        chain.Property(c => c.NameEn).HasMaxLength(100);
        chain.HasIndex(c => c.Code).IsUnique();
    }
}

sealed class SpecialistConfiguration : IEntityTypeConfiguration<Specialist>
{
    public void Configure(EntityTypeBuilder<Specialist> specialist)
    {
        specialist.HasKey(s => s.Id);
        specialist.Property(s => s.Id).ValueGeneratedNever();
        specialist.HasAlternateKey(s => new { s.TenantId, s.Id });
        specialist.Property(s => s.FullName).HasMaxLength(200);
        specialist.Ignore(s => s.CanLeadNetworks);
    }
}
