using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.Reporting.Cells;
using RedesPlataforma.Reporting.Infrastructure;
using RedesPlataforma.Testing;

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

    /// <summary>
    /// The tenant's breakdown rows that differ from the roll-up of its cells computed in one statement (both ways
    /// round, as the tenant, so row-level security keeps it to its rows): empty when the deltas kept them in step.
    /// </summary>
    public async Task<List<string>> BreakdownsApartFromTheirCellsAsync(Guid tenantId)
    {
        var catalog = Services.GetRequiredService<CellCatalog>();
        var stored = $"SELECT tenant_id, dimension, key, {string.Join(", ", BreakdownRollUp.MeasureColumns(catalog))} FROM breakdown_cells";
        var rolledUp = BreakdownRollUp.Select(catalog);
        await using var connection = new NpgsqlConnection(Database.AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            SELECT set_config('{TenantConnectionInterceptor.Setting}', '{tenantId}', false);
            SELECT 'stored ' || d::text FROM (({stored}) EXCEPT ({rolledUp})) d
            UNION ALL SELECT 'rolled up ' || d::text FROM (({rolledUp}) EXCEPT ({stored})) d
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        var apart = new List<string>();
        while (await reader.ReadAsync()) apart.Add(reader.GetString(0));
        return apart;
    }
}

/// <summary>
/// The Reporting host the tenant-scoped classes share (see <see cref="SharedHost{TApp}"/>). The classes that read the
/// national figures, rebuild the read models or erase a producer keep a host each: they judge sums over every tenant.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReportingHost : SharedHost<ReportingApp>
{
    public const string Name = "ReportingHost";
}
