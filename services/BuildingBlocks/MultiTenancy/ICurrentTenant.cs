namespace RedesPlataforma.BuildingBlocks.MultiTenancy;

/// <summary>The ambient tenant of the current request, message or job.</summary>
public interface ICurrentTenant
{
    TenantInfo? Tenant { get; }

    Guid? Id => Tenant?.Id;

    /// <summary>Runs the code until disposal as <paramref name="tenant"/> (or as no tenant), then restores the previous one.</summary>
    IDisposable Change(TenantInfo? tenant);
}
