namespace RedesPlataforma.BuildingBlocks.MultiTenancy;

/// <summary>Thrown when tenant-owned data is written without a tenant, or for another tenant than the current one.</summary>
public sealed class TenantMismatchException(string message) : InvalidOperationException(message);
