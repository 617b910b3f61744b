using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RedesPlataforma.Tenants.Accounts;
using RedesPlataforma.Tenants.Audit;
using RedesPlataforma.Tenants.OrgUnits;
using RedesPlataforma.Tenants.Staff;

namespace RedesPlataforma.Tenants.Infrastructure.EntityConfigurations;

sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> staff)
    {
        staff.HasKey(s => s.Id);
        staff.HasAlternateKey(s => new { s.TenantId, s.Id });
        staff.Property(s => s.FullName).HasMaxLength(200);
        staff.Property(s => s.Email).HasMaxLength(256);
        staff.Property(s => s.Dni).HasMaxLength(8);
        staff.Property(s => s.Phone).HasMaxLength(20);
        staff.HasIndex(s => s.Dni).IsUnique();
        staff.HasIndex(s => s.FullName);
        staff.OwnsOne(s => s.Selection, selection =>
        {
            selection.Property(c => c.Notes).HasMaxLength(2000);
        });
        staff.Navigation(s => s.Selection).IsRequired();
        staff.HasOne<OrgUnit>().WithMany()
            .HasForeignKey(s => new { s.TenantId, s.OrgUnitId }).HasPrincipalKey(o => new { o.TenantId, o.Id })
            .OnDelete(DeleteBehavior.Restrict);
        staff.HasMany(s => s.Trainings).WithOne()
            .HasForeignKey(t => new { t.TenantId, t.StaffMemberId }).HasPrincipalKey(s => new { s.TenantId, s.Id })
            .OnDelete(DeleteBehavior.Cascade);
        staff.Ignore(s => s.IsTrained);
    }
}

sealed class TrainingConfiguration : IEntityTypeConfiguration<Training>
{
    public void Configure(EntityTypeBuilder<Training> training)
    {
        training.Property(t => t.Module).HasMaxLength(200);
        training.Property(t => t.Hours).HasPrecision(5, 1);
    }
}

sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> unit)
    {
        unit.HasAlternateKey(o => new { o.TenantId, o.Id });
        unit.Property(o => o.Name).HasMaxLength(200);
        unit.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        unit.Property(o => o.RegionCode).HasMaxLength(6);
        unit.HasIndex(o => o.Name).IsUnique();
        unit.HasOne<OrgUnit>().WithMany()
            .HasForeignKey(o => new { o.TenantId, o.ParentId }).HasPrincipalKey(o => new { o.TenantId, o.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.Property(a => a.ActorName).HasMaxLength(200);
        entry.Property(a => a.Action).HasMaxLength(60);
        entry.Property(a => a.TargetType).HasMaxLength(60);
        entry.Property(a => a.TargetId).HasMaxLength(60);
        entry.Property(a => a.Details).HasColumnType("jsonb");
        entry.HasIndex(a => a.At);
    }
}

sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> user)
    {
        user.Property(u => u.FullName).HasMaxLength(200);
        // The default fills the rows that existed before the column did.
        user.Property(u => u.Language).HasMaxLength(2).HasDefaultValue(Languages.Spanish);
        user.HasIndex(u => u.TenantId);
    }
}
