using RedesPlataforma.Tenants.Institutions;
using static RedesPlataforma.Tenants.Tests.Refusals;

namespace RedesPlataforma.Tenants.Tests;

public sealed class TenantTests
{
    private static readonly DateTimeOffset Activated = new(2026, 1, 5, 14, 0, 0, TimeSpan.Zero);

    private static Tenant Active() => new()
    {
        Slug = "coop-sandia", Name = "Cooperativa Sandia", Kind = InstitutionKind.Cooperative, Ruc = "20448925643", Regions = ["PE-PUN"],
        ActivatedAt = Activated,
    };

    [Fact]
    public void An_active_tenant_is_suspended_with_its_reason()
    {
        var tenant = Active();

        Assert.Null(tenant.Suspend("Convenio vencido", Activated.AddMonths(2)));

        Assert.Equal(TenantStatus.Suspended, tenant.Status);
        Assert.Equal("Convenio vencido", tenant.SuspensionReason);
        Assert.Equal(Activated.AddMonths(2), tenant.SuspendedAt);
    }

    [Fact]
    public void A_suspended_tenant_is_reactivated_and_its_suspension_forgotten()
    {
        var tenant = Active();
        tenant.Suspend("Convenio vencido", Activated.AddMonths(2));

        Assert.Null(tenant.Reactivate());

        Assert.Equal(TenantStatus.Active, tenant.Status);
        Assert.Null(tenant.SuspensionReason);
        Assert.Null(tenant.SuspendedAt);
    }

    [Fact]
    public void Suspending_a_suspended_tenant_is_refused_and_keeps_the_first_suspension()
    {
        var tenant = Active();
        tenant.Suspend("Convenio vencido", Activated.AddMonths(2));

        AssertRefused(tenant.Suspend("Otra vez", Activated.AddMonths(3)), 409,
            "The tenant is already Suspended. / La institución ya está en ese estado.");
        Assert.Equal("Convenio vencido", tenant.SuspensionReason);
        Assert.Equal(Activated.AddMonths(2), tenant.SuspendedAt);
    }

    [Fact]
    public void Reactivating_an_active_tenant_is_refused()
    {
        var tenant = Active();

        AssertRefused(tenant.Reactivate(), 409, "The tenant is already Active. / La institución ya está en ese estado.");
        Assert.Equal(TenantStatus.Active, tenant.Status);
    }
}
