using Npgsql;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.Testing;

namespace RedesPlataforma.BuildingBlocks.Tests;

public sealed class ServiceDataSourceTests
{
    private const string CountTables = "SELECT count(*) FROM pg_class WHERE relkind = 'r'";
    private static readonly string CountTablesPrepared = $"SELECT count(*) FROM pg_prepared_statements WHERE statement = '{CountTables.Replace("'", "''")}'";

    [Fact]
    public void A_connection_string_without_its_own_settings_gets_prepared_statements_and_a_bounded_pool_and_keeps_the_rest()
    {
        var settings = new NpgsqlConnectionStringBuilder(ServiceDataSource.WithServiceSettings("Host=db;Database=redes_networks;Username=redes_app;Timeout=5"));

        Assert.Equal((ServiceDataSource.PerConnection, ServiceDataSource.MinUsages), (settings.MaxAutoPrepare, settings.AutoPrepareMinUsages));
        Assert.Equal(ServiceDataSource.PoolSize, settings.MaxPoolSize);
        Assert.Equal(("db", "redes_networks", "redes_app", 5), (settings.Host, settings.Database, settings.Username, settings.Timeout));
    }

    /// <summary>Five pools of the default size, the owners' connections (migrations) and the superuser's reserved
    /// slots fit within PostgreSQL's default max_connections of 100 (the containers' server, a managed one's default).</summary>
    [Fact]
    public void The_services_pools_fit_within_postgresqls_default_connection_slots()
    {
        const int dataSources = 5, owners = 4, reservedForSuperuser = 3, defaultMaxConnections = 100;

        Assert.True(dataSources * ServiceDataSource.PoolSize + owners + reservedForSuperuser <= defaultMaxConnections);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;Auto Prepare Min Usages=5;Maximum Pool Size=40")]
    [InlineData("Host=db;maxautoprepare=0;AutoPrepareMinUsages=5;MaxPoolSize=40")]
    public void An_operators_own_settings_win(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(ServiceDataSource.WithServiceSettings(connectionString));

        Assert.Equal((0, 5, 40), (settings.MaxAutoPrepare, settings.AutoPrepareMinUsages, settings.MaxPoolSize));
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData(";Max Auto Prepare=0", 0)]
    public async Task A_statement_run_again_on_a_connection_is_prepared_on_the_server(string extra, long expected)
    {
        await using var dataSource = ServiceDataSource.Create(LocalInfrastructure.OwnerConnectionString("postgres") + extra);
        await using var connection = await dataSource.OpenConnectionAsync();

        for (var run = 0; run < ServiceDataSource.MinUsages; run++)
            await ScalarAsync(connection, CountTables);

        Assert.Equal(expected, await ScalarAsync(connection, CountTablesPrepared));
    }

    /// <summary>What the pool's reset must still do when it keeps the prepared statements: drop the session's settings.</summary>
    [Fact]
    public async Task A_pooled_connection_keeps_its_prepared_statements_but_not_the_last_users_settings()
    {
        await using var dataSource = ServiceDataSource.Create(LocalInfrastructure.OwnerConnectionString("postgres") + ";Maximum Pool Size=1");
        await using (var first = await dataSource.OpenConnectionAsync())
        {
            for (var run = 0; run < ServiceDataSource.MinUsages; run++)
                await ScalarAsync(first, CountTables);
            await ScalarAsync(first, "SELECT length(set_config('app.tenant_id', 'tenant-a', false))");
        }

        await using var again = await dataSource.OpenConnectionAsync();
        Assert.Equal(1, await ScalarAsync(again, CountTablesPrepared));
        Assert.Equal(0, await ScalarAsync(again, "SELECT length(coalesce(current_setting('app.tenant_id', true), ''))"));
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
