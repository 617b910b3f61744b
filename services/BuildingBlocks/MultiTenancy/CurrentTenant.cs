namespace RedesPlataforma.BuildingBlocks.MultiTenancy;

/// <summary>
/// AsyncLocal keeps the tenant with the logical flow of execution, so a request, a consumed message
/// and a background job each see their own tenant even when they share a thread.
/// </summary>
public sealed class CurrentTenant : ICurrentTenant
{
    private static readonly AsyncLocal<TenantInfo?> Ambient = new();

    public TenantInfo? Tenant => Ambient.Value;

    public IDisposable Change(TenantInfo? tenant)
    {
        var previous = Ambient.Value;
        Ambient.Value = tenant;
        return new Restore(previous);
    }

    private sealed class Restore(TenantInfo? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
