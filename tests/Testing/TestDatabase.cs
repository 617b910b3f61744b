using Npgsql;

namespace RedesPlataforma.Testing;

/// <summary>
/// A fresh database on the shared local PostgreSQL, owned by redes_owner with DML granted to redes_app,
/// exactly as deploy/local creates them, so tests see the same row-level security as production. Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly int? _port;

    private TestDatabase(string name, int? port) => (Name, _port) = (name, port);

    public string Name { get; }
    public string AppConnectionString => LocalInfrastructure.AppConnectionString(Name, _port);
    public string OwnerConnectionString => LocalInfrastructure.OwnerConnectionString(Name, _port);

    /// <param name="port">A <see cref="ThrowawayPostgres"/> cluster's port; the shared cluster if null.</param>
    public static async Task<TestDatabase> CreateAsync(string prefix, int? port = null)
    {
        var database = new TestDatabase($"test_{prefix}_{Guid.NewGuid():N}"[..40], port);
        await using (var server = new NpgsqlConnection(LocalInfrastructure.OwnerConnectionString("postgres", port)))
        {
            await server.OpenAsync();
            await Execute(server, $"CREATE DATABASE \"{database.Name}\"");
            await Execute(server, $"GRANT CONNECT ON DATABASE \"{database.Name}\" TO redes_app");
        }
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        await Execute(connection, """
            ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO redes_app;
            ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO redes_app;
            """);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var server = new NpgsqlConnection(LocalInfrastructure.OwnerConnectionString("postgres", _port));
        await server.OpenAsync();
        // A session of redes_app that was just closed can linger for a moment on the server; FORCE may not terminate
        // another role's backend (42501), so wait for it to go rather than fail the test that owned the database.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Execute(server, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                await Task.Delay(250);
            }
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
