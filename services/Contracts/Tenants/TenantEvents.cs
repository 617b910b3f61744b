namespace RedesPlataforma.Contracts.Tenants;

// Version 1 of the Tenants service's integration events. Add fields as optional; never rename or remove one.

public record TenantActivated(Guid TenantId, string Slug, string Name, string Kind, IReadOnlyList<string> Regions, DateTimeOffset ActivatedAt);

public record TenantSuspended(Guid TenantId, string Reason, DateTimeOffset SuspendedAt);
