using RedesPlataforma.Financing.Infrastructure;
using RedesPlataforma.Tenants.FunctionalTests;

namespace RedesPlataforma.Financing.FunctionalTests;

/// <summary>The Financing service beside a real Tenants service (tokens, events).</summary>
public sealed class FinancingApp : ServiceBesideTenantsApp<FinancingDb>
{
    protected override string DatabasePrefix => "financing";

    /// <summary>A client for this service signed in as the national unit (no tenant).</summary>
    public Task<HttpClient> NationalClientAsync() => ClientForAsync(TenantsApp.NationalEmail, TenantsApp.NationalPassword);
}
