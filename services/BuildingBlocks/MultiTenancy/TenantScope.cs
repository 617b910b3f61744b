using Microsoft.Extensions.DependencyInjection;

namespace RedesPlataforma.BuildingBlocks.MultiTenancy;

/// <summary>
/// A DI scope that runs as one tenant, for work with no request behind it (approving an onboarding, a background job).
/// Services resolved from it, DbContexts included, are created inside the tenant, so they keep it.
/// </summary>
public sealed class TenantScope : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;
    private readonly IDisposable _tenant;

    private TenantScope(IServiceProvider root, TenantInfo tenant)
    {
        _tenant = root.GetRequiredService<ICurrentTenant>().Change(tenant);
        _scope = root.CreateAsyncScope();
    }

    public IServiceProvider Services => _scope.ServiceProvider;

    public static TenantScope Begin(IServiceProvider root, TenantInfo tenant) => new(root, tenant);

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        _tenant.Dispose();
    }
}
