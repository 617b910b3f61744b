using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RedesPlataforma.Tenants.Institutions;
using RedesPlataforma.Tenants.Onboarding;

namespace RedesPlataforma.Tenants.Infrastructure.EntityConfigurations;

sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> tenant)
    {
        tenant.HasIndex(t => t.Slug).IsUnique();
        tenant.HasIndex(t => t.Ruc);
        tenant.Property(t => t.Slug).HasMaxLength(40);
        tenant.Property(t => t.Name).HasMaxLength(200);
        tenant.Property(t => t.Ruc).HasMaxLength(11).IsFixedLength();
        tenant.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        tenant.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        tenant.Property(t => t.SuspensionReason).HasMaxLength(500);
    }
}

sealed class TenantStatusChangeConfiguration : IEntityTypeConfiguration<TenantStatusChange>
{
    public void Configure(EntityTypeBuilder<TenantStatusChange> change)
    {
        change.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        change.Property(c => c.Reason).HasMaxLength(500);
        change.Property(c => c.ChangedByName).HasMaxLength(200);
        change.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
        change.HasIndex(c => new { c.TenantId, c.At });
    }
}

sealed class OnboardingApplicationConfiguration : IEntityTypeConfiguration<OnboardingApplication>
{
    public void Configure(EntityTypeBuilder<OnboardingApplication> application)
    {
        application.ToTable("onboarding_applications");
        application.Property(a => a.InstitutionName).HasMaxLength(200);
        application.Property(a => a.Ruc).HasMaxLength(11).IsFixedLength();
        application.Property(a => a.Slug).HasMaxLength(40);
        application.Property(a => a.AdminFullName).HasMaxLength(200);
        application.Property(a => a.AdminEmail).HasMaxLength(256);
        application.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        application.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        application.Property(a => a.DecisionReason).HasMaxLength(500);
        // Two pending applications cannot claim the same slug; a rejected one frees it.
        application.HasIndex(a => a.Slug).IsUnique().HasFilter("status = 'Pending'");
        application.HasIndex(a => new { a.Status, a.SubmittedAt });
        application.HasIndex(a => a.Ruc);
    }
}
