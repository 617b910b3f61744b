namespace RedesPlataforma.Contracts.Reporting;

// Version 1 of the Reporting rebuild's requests. Each owning service answers with a snapshot of its current state as
// ordinary events (fresh messages), which Reporting's projections consume like any other.

/// <summary>Reporting cleared its read models: every owning service republishes its national state (tenants, national programmes).</summary>
public record ReadModelRebuildRequested(Guid RebuildId, DateTimeOffset RequestedAt);

/// <summary>
/// Published by the Tenants service once per tenant, in that tenant's scope (so it carries the tenant header): the
/// services that own tenant data republish that tenant's state.
/// </summary>
public record TenantStateRepublishRequested(Guid RebuildId, Guid TenantId);
