using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Contracts.Financing;
using RedesPlataforma.Financing.Infrastructure;
using RedesPlataforma.Financing.Plans;
using static RedesPlataforma.Financing.FunctionalTests.FinancingScenario;

namespace RedesPlataforma.Financing.FunctionalTests;

/// <summary>
/// The mechanism the national decisions stand on (BuildingBlocks' TenantHandOff), driven directly so a failure can be
/// placed after the tenant's part: one transaction, the tenant's part as the tenant, everything else as no tenant.
/// </summary>
[Collection(FinancingHost.Name)]
public sealed class TenantHandOffTests(FinancingApp app)
{
    [Fact]
    public async Task A_failure_after_the_tenants_part_undoes_it_and_a_success_commits_both_parts_together()
    {
        var national = await app.NationalClientAsync();
        var aliados = await national.PublishAsync(ProgrammeRequest(), national: true);
        var tenant = await app.OnboardAsync();
        var specialist = await app.StaffAsync(tenant);
        var plan = await specialist.SubmittedAsync(await app.SeedNetworkAsync(tenant.Id, specialist.Id), aliados.Id);

        // The platform's part breaks the programme's CHECK after the tenant's part was saved: nothing of either stays.
        await Assert.ThrowsAsync<DbUpdateException>(() => DecideAsync(plan.Id, tenant.Id, aliados.Id, committed: -1m));
        var untouched = await tenant.Admin.PlanAsync(plan.Id);
        Assert.Equal((PlanStatus.Submitted, 2), (untouched.Status, untouched.History.Count));
        Assert.Equal(0L, await app.ScalarAsync(null, $"SELECT count(*) FROM outbox_messages WHERE aggregate_id = '{plan.Id}' AND message_type LIKE '%BusinessPlanApproved%'"));

        var settings = await DecideAsync(plan.Id, tenant.Id, aliados.Id, committed: 7_000m);
        Assert.Equal((tenant.Id.ToString(), 1L, "", 0L), settings);
        Assert.Equal(PlanStatus.Approved, (await tenant.Admin.PlanAsync(plan.Id)).Status);
        Assert.Equal(7_000m, (await national.ProgrammeAsync(aliados.Id)).CommittedPen);
        Assert.Equal(1L, await app.ScalarAsync(null, $"SELECT count(*) FROM outbox_messages WHERE aggregate_id = '{plan.Id}' AND message_type LIKE '%BusinessPlanApproved%' AND tenant_id = '{tenant.Id}'"));
    }

    [Fact]
    public async Task A_tenant_can_never_hand_off_to_another_tenant()
    {
        var a = await app.OnboardAsync();
        var b = await app.OnboardAsync();
        await using var scope = TenantScope.Begin(app.Services, new TenantInfo(a.Id, "a", "a"));
        var db = scope.Services.GetRequiredService<FinancingDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await Assert.ThrowsAsync<TenantMismatchException>(() => db.InTenantAsync(scope.Services, b.Id, _ => Task.FromResult(0), CancellationToken.None));
    }

    /// <summary>
    /// As no tenant: approves the plan in its tenant, then sets the programme's committed amount and saves. Returns what
    /// the connection's tenant setting and the plans visible were inside the tenant's part and after it.
    /// </summary>
    async Task<(string Inside, long PlansInside, string After, long PlansAfter)> DecideAsync(Guid planId, Guid tenantId, Guid programmeId, decimal committed)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinancingDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var inside = await db.InTenantAsync(scope.ServiceProvider, tenantId, async tenantDb =>
        {
            var plan = await tenantDb.Plans.SingleAsync(p => p.Id == planId);
            Assert.Null(plan.ApproveAsReviewed(new NoActor(), DateTimeOffset.UtcNow, null));
            tenantDb.Transitions.Add(plan.History.Single());
            tenantDb.AddIntegrationEvent(new BusinessPlanApproved(tenantId, plan.Id, programmeId, plan.NetworkId, "cuy", "PE-CUS", plan.ProgrammeFundsPen,
                plan.NetworkCashPen, plan.NetworkInKindPen, plan.TotalPen, DateTimeOffset.UtcNow), plan.Id);
            await tenantDb.SaveChangesAsync();
            return (await SettingAsync(tenantDb), await PlansAsync(tenantDb));
        }, CancellationToken.None);
        var after = (await SettingAsync(db), await PlansAsync(db));

        (await db.Programmes.SingleAsync(p => p.Id == programmeId)).CommittedPen = committed;
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return (inside.Item1, inside.Item2, after.Item1, after.Item2);
    }

    static Task<string> SettingAsync(FinancingDb db) =>
        db.Database.SqlQuery<string>($"SELECT current_setting('app.tenant_id') AS \"Value\"").SingleAsync();

    // Raw SQL, so row-level security alone decides what is visible.
    static Task<long> PlansAsync(FinancingDb db) =>
        db.Database.SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM business_plans").SingleAsync();

    sealed class NoActor : ICurrentUser
    {
        public Guid? Id => null;
        public string? Name => null;
    }
}
