using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Contracts.Tenants;
using RedesPlataforma.Tenants.Accounts;
using RedesPlataforma.Tenants.Audit;
using RedesPlataforma.Tenants.Infrastructure;
using RedesPlataforma.Tenants.Institutions;
using RedesPlataforma.Tenants.Staff;

namespace RedesPlataforma.Tenants.Onboarding;

/// <summary>
/// Approving an application creates the tenant, its first TenantAdmin and their staff profile in one transaction.
/// The national unit has no tenant, so the work runs in a scope of the new tenant: the staff profile and the
/// audit entry are tenant-owned and row-level security checks them against that tenant.
/// </summary>
public sealed class TenantOnboarding(IServiceProvider services, ICurrentUser actor, TimeProvider clock)
{
    public async Task<Results<Ok<TenantDto>, NotFound, ProblemHttpResult>> ApproveAsync(Guid applicationId, CancellationToken ct)
    {
        var tenantId = Guid.CreateVersion7();
        await using var scope = TenantScope.Begin(services, TenantInfo.ForId(tenantId));
        var db = scope.Services.GetRequiredService<TenantsDb>();
        var users = scope.Services.GetRequiredService<UserManager<AppUser>>();

        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        var application = await db.Applications.FromSql($"SELECT * FROM onboarding_applications WHERE id = {applicationId} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (application is null) return TypedResults.NotFound();
        var now = clock.GetUtcNow();
        // Decided first, so a decided application is refused as such; a refusal below rolls the decision back with the rest.
        if (application.Approve(tenantId, actor.Id!.Value, now) is { } refused) return refused.ToProblem();
        if (await db.Tenants.AnyAsync(t => t.Slug == application.Slug, ct))
            return Refusal.Conflict("slug", "The slug is already taken. / El identificador ya está en uso.").ToProblem();

        var tenant = new Tenant
        {
            Id = tenantId, Slug = application.Slug, Name = application.InstitutionName, Kind = application.Kind,
            Ruc = application.Ruc, Regions = application.Regions, ActivatedAt = now,
        };
        db.Tenants.Add(tenant);
        db.TenantStatusChanges.Add(new TenantStatusChange { TenantId = tenant.Id, Status = TenantStatus.Active, ChangedBy = actor.Id, ChangedByName = actor.Name, At = now });

        var admin = new AppUser
        {
            Id = Guid.CreateVersion7(), TenantId = tenant.Id, FullName = application.AdminFullName,
            UserName = application.AdminEmail, Email = application.AdminEmail, EmailConfirmed = true,
            PasswordHash = application.AdminPasswordHash, CreatedAt = now,
        };
        var created = await users.CreateAsync(admin);
        if (!created.Succeeded)
            return Refusal.Conflict("adminEmail", string.Join(" ", created.Errors.Select(e => e.Description))).ToProblem();
        await users.AddToRoleAsync(admin, PlatformRoles.TenantAdmin);

        db.StaffMembers.Add(new StaffMember { Id = admin.Id, FullName = admin.FullName, Email = application.AdminEmail, Regions = tenant.Regions });
        scope.Services.GetRequiredService<AuditLog>().Record("tenant.approved", nameof(Tenant), tenant.Id,
            new { applicationId, tenant.Slug, tenant.Name, firstAdmin = admin.Email });
        db.AddIntegrationEvent(new TenantActivated(tenant.Id, tenant.Slug, tenant.Name, tenant.Kind.ToString(), tenant.Regions, now), tenant.Id);
        db.AddIntegrationEvent(new StaffMemberJoined(tenant.Id, admin.Id, admin.FullName, [PlatformRoles.TenantAdmin], null, tenant.Regions, now), admin.Id);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(TenantDto.From(tenant));
    }
}
