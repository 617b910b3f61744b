using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.Testing;

namespace RedesPlataforma.BuildingBlocks.Tests;

public sealed class ConnectionPerContextTests : IAsyncLifetime
{
    private readonly NpgsqlDataSource _dataSource = ServiceDataSource.Create(LocalInfrastructure.OwnerConnectionString("postgres"));

    private sealed class ProbeDb(DbContextOptions<ProbeDb> options) : DbContext(options);

    private ProbeDb NewDb(bool oneConnection)
    {
        var options = new DbContextOptionsBuilder<ProbeDb>();
        options.UseServiceConventions(_dataSource);
        if (oneConnection) options.AddInterceptors(new ConnectionPerContext());
        return new ProbeDb(options.Options);
    }

    private static async Task<int> BackendAsync(DbContext db) =>
        (await db.Database.SqlQuery<int>($"SELECT pg_backend_pid() AS \"Value\"").ToListAsync()).Single();

    [Theory]
    [InlineData(true, ConnectionState.Open)]
    [InlineData(false, ConnectionState.Closed)]
    public async Task The_connection_stays_open_between_queries_until_the_context_is_disposed(bool oneConnection, ConnectionState between)
    {
        var db = NewDb(oneConnection);
        var connection = db.Database.GetDbConnection();

        await BackendAsync(db);
        Assert.Equal(between, connection.State);
        await BackendAsync(db);
        Assert.Equal(between, connection.State);

        await db.DisposeAsync();
        Assert.Equal(ConnectionState.Closed, connection.State);
    }

    [Fact]
    public async Task A_connection_the_server_ended_is_replaced_at_the_next_query()
    {
        await using var db = NewDb(oneConnection: true);
        var first = await BackendAsync(db);
        await using (var other = await _dataSource.OpenConnectionAsync())
        await using (var terminate = new NpgsqlCommand($"SELECT pg_terminate_backend({first})", other))
            await terminate.ExecuteScalarAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => BackendAsync(db));
        Assert.NotEqual(first, await BackendAsync(db));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();
}
