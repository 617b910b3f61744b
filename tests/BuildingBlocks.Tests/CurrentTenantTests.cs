using RedesPlataforma.BuildingBlocks.MultiTenancy;

namespace RedesPlataforma.BuildingBlocks.Tests;

public sealed class CurrentTenantTests
{
    private static readonly TenantInfo A = new(Guid.NewGuid(), "a", "A");
    private static readonly TenantInfo B = new(Guid.NewGuid(), "b", "B");

    [Fact]
    public void Change_restores_the_previous_tenant_when_disposed()
    {
        var current = new CurrentTenant();
        using (current.Change(A))
        {
            using (current.Change(B)) Assert.Equal(B, current.Tenant);
            Assert.Equal(A, current.Tenant);
        }
        Assert.Null(current.Tenant);
    }

    [Fact]
    public async Task Concurrent_flows_keep_their_own_tenant()
    {
        ICurrentTenant current = new CurrentTenant();
        async Task<Guid?> RunAs(TenantInfo tenant)
        {
            using var _ = current.Change(tenant);
            await Task.Delay(20);
            return current.Id;
        }

        var results = await Task.WhenAll(RunAs(A), RunAs(B), RunAs(A));
        Assert.Equal([A.Id, B.Id, A.Id], results);
        Assert.Null(current.Tenant);
    }
}
