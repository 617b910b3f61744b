using RedesPlataforma.Reporting.Infrastructure;
using RedesPlataforma.Tenants.FunctionalTests;

namespace RedesPlataforma.Reporting.FunctionalTests;

/// <summary>
/// The Reporting service beside a real Tenants service: tokens, and the tenant and staff events of real onboardings
/// and staff changes. Events of the Networks and Financing services are published by the tests (<see cref="Events"/>).
/// </summary>
public sealed class ReportingApp : ServiceBesideTenantsApp<ReportingDb>
{
    protected override string DatabasePrefix => "reporting";

    /// <summary>A client signed in as the national unit (no tenant).</summary>
    public Task<HttpClient> NationalClientAsync() => ClientForAsync(TenantsApp.NationalEmail, TenantsApp.NationalPassword);
}
