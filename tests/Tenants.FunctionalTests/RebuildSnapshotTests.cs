using System.Net.Http.Json;
using RedesPlataforma.Contracts.Reporting;
using RedesPlataforma.Contracts.Tenants;
using RedesPlataforma.Tenants.Staff;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Tenants.FunctionalTests;

public sealed class RebuildSnapshotTests(TenantsApp app) : IClassFixture<TenantsApp>
{
    [Fact]
    public async Task A_rebuild_request_republishes_each_tenant_and_its_staff_with_its_own_header_and_asks_for_its_state()
    {
        await using var probe = await EventProbe.StartAsync(app.Broker, typeof(TenantActivated), typeof(StaffMemberChanged),
            typeof(SpecialistTrained), typeof(TenantStateRepublishRequested));
        var (tenant, other) = (await app.OnboardAsync(), await app.OnboardAsync());
        var specialist = await tenant.CreateStaffAsync("Specialist");
        (await tenant.Admin.PostAsJsonAsync($"/api/staff/{specialist.Id}/trainings",
            new TrainingRequest("Metodología", new DateOnly(2025, 3, 1), 8m, true))).EnsureSuccessStatusCode();
        var rebuild = new ReadModelRebuildRequested(Guid.NewGuid(), DateTimeOffset.UtcNow);

        await probe.PublishAsync(rebuild, Guid.NewGuid(), tenantHeader: null);

        await probe.WaitUntilAsync(p => p.Of<TenantStateRepublishRequested>().Count(r => r.Message.RebuildId == rebuild.RebuildId) >= 2,
            TimeSpan.FromSeconds(30), "a state request for each tenant");
        foreach (var onboarded in new[] { tenant, other })
        {
            var id = onboarded.TenantId;
            var request = Assert.Single(probe.Of<TenantStateRepublishRequested>(), r => r.Message.RebuildId == rebuild.RebuildId && r.Message.TenantId == id);
            Assert.Equal(id.ToString(), request.Envelope.TenantHeader);
            Assert.Contains(probe.Of<TenantActivated>(), r => r.Message.TenantId == id && r.Message.Slug == onboarded.Slug && r.Envelope.TenantHeader == id.ToString()
                && r.Envelope.OutboxSequence < request.Envelope.OutboxSequence);
            Assert.Contains(probe.Of<StaffMemberChanged>(), r => r.Message.TenantId == id && r.Message.StaffMemberId == onboarded.AdminId
                && r.Message.IsActive && r.Envelope.TenantHeader == id.ToString());
        }
        Assert.All(probe.Received, r => Assert.NotNull(r.TenantHeader));

        var staff = Assert.Single(probe.Of<StaffMemberChanged>(), r => r.Message.StaffMemberId == specialist.Id).Message;
        Assert.Equal(["Specialist"], staff.Roles);
        Assert.Contains(probe.Of<SpecialistTrained>(), r => r.Message.StaffMemberId == specialist.Id && r.Message.IsTrained
            && r.Envelope.TenantHeader == tenant.TenantId.ToString());
    }
}
