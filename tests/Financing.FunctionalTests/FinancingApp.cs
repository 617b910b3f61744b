using Npgsql;
using RedesPlataforma.Financing.Infrastructure;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Financing.FunctionalTests;

/// <summary>The Financing service beside a real Tenants service (tokens, events).</summary>
public sealed class FinancingApp : ServiceBesideTenantsApp<FinancingDb>
{
    protected override string DatabasePrefix => "financing";

    /// <summary>A client for this service signed in as the national unit (no tenant).</summary>
    public Task<HttpClient> NationalClientAsync() => ClientForAsync(TenantsApp.NationalEmail, TenantsApp.NationalPassword);

    /// <summary>
    /// Runs <paramref name="sql"/> as the service's own (non-owner) role with <c>app.tenant_id</c> set as the interceptor
    /// would (null: no tenant, as the national unit), bypassing EF's filters so row-level security alone answers.
    /// </summary>
    public async Task<long> ScalarAsync(Guid? tenantId, string sql)
    {
        await using var connection = new NpgsqlConnection(Database.AppConnectionString);
        await connection.OpenAsync();
        await using (var setTenant = new NpgsqlCommand("SELECT set_config('app.tenant_id', @tenant, false)", connection))
        {
            setTenant.Parameters.AddWithValue("tenant", tenantId?.ToString() ?? "");
            await setTenant.ExecuteScalarAsync();
        }
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>The Financing host the suite's classes share (see <see cref="SharedHost{TApp}"/>).</summary>
[CollectionDefinition(Name)]
public sealed class FinancingHost : SharedHost<FinancingApp>
{
    public const string Name = "FinancingHost";
}
