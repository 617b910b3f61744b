using MassTransit;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.Contracts.Reporting;
using RedesPlataforma.Contracts.Tenants;
using RedesPlataforma.Tenants.Infrastructure;
using RedesPlataforma.Tenants.Institutions;

namespace RedesPlataforma.Tenants.IntegrationEvents;

/// <summary>
/// Answers a Reporting rebuild with the Tenants service's current state, tenant by tenant: the tenant (activated, then
/// suspended if it is), each staff member's profile and training, and then a <see cref="TenantStateRepublishRequested"/>
/// that asks the other owning services for that tenant's state. Each tenant is saved in its own scope, so its outbox
/// rows carry its tenant header; if a later tenant fails, the retry republishes the earlier ones too, which Reporting's
/// projections absorb (they upsert by id).
/// </summary>
public sealed class ReadModelRebuildConsumer(TenantsDb db, IServiceProvider services) : IConsumer<ReadModelRebuildRequested>
{
    public async Task Consume(ConsumeContext<ReadModelRebuildRequested> context)
    {
        var ct = context.CancellationToken;
        var tenants = await db.Tenants.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct);
        foreach (var tenant in tenants)
        {
            await using var scope = TenantScope.Begin(services, new TenantInfo(tenant.Id, tenant.Slug, tenant.Name));
            var tenantDb = scope.Services.GetRequiredService<TenantsDb>();
            await QueueSnapshotAsync(tenantDb, tenant, context.Message, ct);
            await tenantDb.SaveChangesAsync(ct);
        }
    }

    private static async Task QueueSnapshotAsync(TenantsDb db, Tenant tenant, ReadModelRebuildRequested rebuild, CancellationToken ct)
    {
        db.AddIntegrationEvent(new TenantActivated(tenant.Id, tenant.Slug, tenant.Name, tenant.Kind.ToString(), tenant.Regions, tenant.ActivatedAt), tenant.Id);
        if (tenant is { Status: TenantStatus.Suspended })
            db.AddIntegrationEvent(new TenantSuspended(tenant.Id, tenant.SuspensionReason ?? "", tenant.SuspendedAt ?? rebuild.RequestedAt), tenant.Id);

        var staff = await db.StaffMembers.AsNoTracking().Include(s => s.Trainings).OrderBy(s => s.Id).ToListAsync(ct);
        var roles = (await (from userRole in db.UserRoles
                            join role in db.Roles on userRole.RoleId equals role.Id
                            select new { userRole.UserId, role.Name }).ToListAsync(ct))
            .ToLookup(r => r.UserId, r => r.Name!);
        foreach (var member in staff)
        {
            db.AddIntegrationEvent(new StaffMemberChanged(tenant.Id, member.Id, member.FullName, [.. roles[member.Id]], member.OrgUnitId,
                member.Regions, member.IsActive, member.Selection.IsMet, rebuild.RequestedAt), member.Id);
            // The latest module stands for the training; IsTrained carries what the figures need.
            if (member.Trainings.OrderBy(t => t.CompletedOn).ThenBy(t => t.RecordedAt).LastOrDefault() is { } training)
                db.AddIntegrationEvent(new SpecialistTrained(tenant.Id, member.Id, training.Module, training.CompletedOn, training.Hours,
                    training.Passed, member.IsTrained), member.Id);
        }
        db.AddIntegrationEvent(new TenantStateRepublishRequested(rebuild.RebuildId, tenant.Id), tenant.Id);
    }
}
