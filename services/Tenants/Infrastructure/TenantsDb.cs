using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Idempotency;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Security.Revocation;
using RedesPlataforma.Tenants.Accounts;
using RedesPlataforma.Tenants.Audit;
using RedesPlataforma.Tenants.Institutions;
using RedesPlataforma.Tenants.Onboarding;
using RedesPlataforma.Tenants.OrgUnits;
using RedesPlataforma.Tenants.Staff;

namespace RedesPlataforma.Tenants.Infrastructure;

public sealed class TenantsDb(DbContextOptions<TenantsDb> options, ICurrentTenant currentTenant)
    : IdentityDbContext<AppUser, AppRole, Guid>(options), ITenantDbContext, IDataProtectionKeyContext
{
    public Guid? CurrentTenantId { get; } = currentTenant.Id;

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<TenantStatusChange> TenantStatusChanges => Set<TenantStatusChange>();
    public DbSet<OnboardingApplication> Applications => Set<OnboardingApplication>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<Training> Trainings => Set<Training>();
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>The keys that protect invitation and password-reset tokens, shared by every replica.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict<Guid>();
        builder.ApplyConfigurationsFromAssembly(typeof(TenantsDb).Assembly);
        builder.AddOutboxAndInbox();
        builder.AddAccessRevocations();
        builder.AddIdempotencyRecords();
        builder.ApplyTenantConventions(this);
    }
}
