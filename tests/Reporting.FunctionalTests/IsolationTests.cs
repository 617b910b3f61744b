using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RedesPlataforma.BuildingBlocks.Audit;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.Contracts.Financing;
using RedesPlataforma.Reporting.Infrastructure;
using RedesPlataforma.Testing;
using static RedesPlataforma.Reporting.FunctionalTests.Facts;

namespace RedesPlataforma.Reporting.FunctionalTests;

/// <summary>Row-level security as the service's own database role (redes_app), below any code of the service.</summary>
[Collection(ReportingHost.Name)]
public sealed class IsolationTests(ReportingApp app)
{
    private static readonly string[] Tables = [.. ReadModelAccess.TenantOwnedTables];

    [Fact]
    public void Every_tenant_owned_table_of_the_model_gets_the_read_model_policies_of_the_migration()
    {
        using var scope = app.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<ReportingDb>().Model;
        var tenantOwned = model.GetEntityTypes().Where(TenantModelConventions.IsTenantOwned).Select(e => e.GetTableName()!).ToHashSet();
        // The personal-data read log is the one tenant-owned table that is no read model: the standard tenant policy of
        // its own migration only, and a rebuild never clears it.
        Assert.Contains(PersonalDataReads.Table, tenantOwned);
        Assert.DoesNotContain(PersonalDataReads.Table, ReadModelAccess.AllTables);
        Assert.Equal(tenantOwned.Except([PersonalDataReads.Table]).Order(), Tables.Order());
    }

    [Fact]
    public async Task A_tenant_session_reads_and_writes_only_its_rows_and_the_national_session_reads_only_the_breakdowns()
    {
        await using var events = await Events.StartAsync(app);
        var a = await app.OnboardAsync();
        var b = await app.OnboardAsync();
        foreach (var tenant in new[] { a.Id, b.Id })
        {
            var (network, plan, programme) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
            await events.PublishAllAsync(tenant, Producer(tenant), Network(tenant, network), Approved(tenant, plan, network, programme, 1_000m, 500m, 0m),
                Disbursement(tenant, plan, network, programme, 100m), new ContributionRecorded(tenant, plan, programme, network, "cuy", "PE-CUS", Guid.NewGuid(), 10m, 0m, new DateOnly(2025, 3, 1)),
                Monitoring(tenant, network, new DateOnly(2025, 3, 1), 100m, 1m));
            await events.PublishAsync(tenant, new ProgrammePublished(programme, tenant, "Propio", "Municipio", 1_000_000m, 100_000m, 0.3m,
                new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 1), [], [], At(2025, 1)));
        }
        var national = Guid.NewGuid();
        await events.PublishAsync(null, new ProgrammePublished(national, null, "Aliados II", "MIDAGRI", 3_200_000m, 150_000m, 0.3m,
            new DateOnly(2025, 1, 1), new DateOnly(2027, 1, 1), [], [], At(2025, 1)));
        await app.ProcessedAsync(events);
        foreach (var tenant in new[] { a, b })
        {
            await tenant.Tenant.CreateStaffAsync("Specialist");
            await ReportingScenario.EventuallyAsync(() => tenant.Admin.DashboardAsync(), d => d.Summary.Value("total", Figures.Catalog.Specialists) == 1, "the specialist");
        }

        // A's session: every read model (so every table without forced row-level security would fail here) holds rows of A only, and programmes are A's and the national ones.
        await using (var session = await TenantSessionAsync(a.Id))
        {
            foreach (var table in Tables)
                Assert.Equal([a.Id], await TenantsInAsync(session, table));
            Assert.Equal(2, await ScalarAsync(session, "SELECT count(*) FROM programmes"));
            Assert.Equal(0, await ScalarAsync(session, $"UPDATE network_cells SET networks = 99 WHERE tenant_id = '{b.Id}'"));
            await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(session,
                $"INSERT INTO network_cells (tenant_id, region_code, value_chain, phase, networks, women_led_networks, members, female_members, financed_networks, financed_members, monitored_networks, monitored_members) VALUES ('{b.Id}', 'PE-TAC', 'cuy', 1, 1, 0, 1, 0, 0, 0, 0, 0)"));
            Assert.Equal(0, await ScalarAsync(session, $"UPDATE programmes SET name = 'x' WHERE id = '{national}'"));
        }

        // No tenant: nothing at all (fail closed).
        await using (var session = await TenantSessionAsync(null))
            foreach (var table in Tables)
                Assert.Empty(await TenantsInAsync(session, table));

        // The national session: every tenant's breakdowns and the directory, not one entity row or finer cell, no tenant programme, no writes.
        await using (var session = new NpgsqlConnection(ReadModelAccess.NationalConnectionString(app.Database.AppConnectionString)))
        {
            await session.OpenAsync();
            foreach (var table in ReadModelAccess.NationalTables)
                Assert.Superset(new HashSet<Guid> { a.Id, b.Id }, (await TenantsInAsync(session, table)).ToHashSet());
            foreach (var table in Tables.Except(ReadModelAccess.NationalTables))
                Assert.Empty(await TenantsInAsync(session, table));
            Assert.Equal(1, await ScalarAsync(session, "SELECT count(*) FROM programmes"));
            Assert.Equal(0, await ScalarAsync(session, "UPDATE breakdown_cells SET networks = 99"));
            Assert.Equal(0, await ScalarAsync(session, "DELETE FROM breakdown_cells"));
            await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(session,
                $"INSERT INTO specialist_cells (tenant_id, specialists, trained_specialists) VALUES ('{Guid.NewGuid()}', 1, 1)"));
        }
    }

    private async Task<NpgsqlConnection> TenantSessionAsync(Guid? tenantId)
    {
        var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        await ScalarAsync(connection, $"SELECT set_config('{TenantConnectionInterceptor.Setting}', '{tenantId}', false)");
        return connection;
    }

    private static async Task<List<Guid>> TenantsInAsync(NpgsqlConnection connection, string table)
    {
        await using var command = new NpgsqlCommand($"SELECT DISTINCT tenant_id FROM \"{table}\"", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tenants = new List<Guid>();
        while (await reader.ReadAsync()) tenants.Add(reader.GetGuid(0));
        return tenants;
    }

    /// <summary>The first column of the first row for a query, or the number of rows a command affected.</summary>
    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (!sql.StartsWith("SELECT", StringComparison.Ordinal)) return await command.ExecuteNonQueryAsync();
        return await command.ExecuteScalarAsync() switch { long value => value, int value => value, _ => 0 };
    }
}
