using RedesPlataforma.Networks.Infrastructure;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Networks.FunctionalTests;

/// <summary>The Networks service beside a real Tenants service (tokens, staff events).</summary>
public sealed class NetworksApp : ServiceBesideTenantsApp<NetworksDb>
{
    protected override string DatabasePrefix => "networks";
}
