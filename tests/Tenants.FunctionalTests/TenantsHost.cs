using RedesPlataforma.Testing;

namespace RedesPlataforma.Tenants.FunctionalTests;

/// <summary>
/// The Tenants host the suite's classes share (see <see cref="SharedHost{TApp}"/>); the rebuild test keeps its own, as
/// it republishes every tenant of its host.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TenantsHost : SharedHost<TenantsApp>
{
    public const string Name = "TenantsHost";
}
