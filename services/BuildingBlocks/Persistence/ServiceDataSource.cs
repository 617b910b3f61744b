using System.Data.Common;
using Npgsql;

namespace RedesPlataforma.BuildingBlocks.Persistence;

/// <summary>
/// A service's PostgreSQL data source, with Npgsql's automatic preparation on. EF Core sends the same few dozen
/// statements again and again; unprepared, PostgreSQL parses, analyses and plans each one on every execution, which was
/// most of its CPU per request (the "my work" read: 5.7–6.0 ms of PostgreSQL CPU unprepared, 2.6–2.8 ms prepared;
/// docs/decisions/0037). A statement run <see cref="MinUsages"/> times on a connection is prepared on it, up to
/// <see cref="PerConnection"/> per connection, the least recently used replaced. Row-level security is unaffected:
/// its policies read the tenant setting when a statement runs, not when it is planned. A connection string that sets
/// either itself keeps its own value (Max Auto Prepare=0 turns preparation off).
/// </summary>
public static class ServiceDataSource
{
    public const int PerConnection = 64;
    public const int MinUsages = 2;

    public static NpgsqlDataSource Create(string connectionString) => NpgsqlDataSource.Create(WithPreparedStatements(connectionString));

    public static string WithPreparedStatements(string connectionString)
    {
        // Npgsql's own builder answers every keyword it knows as present, so what was written is read with the plain one.
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Written(string keyword) => written.ContainsKey(keyword) || written.ContainsKey(keyword.Replace(" ", ""));

        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Written("Max Auto Prepare")) settings.MaxAutoPrepare = PerConnection;
        if (!Written("Auto Prepare Min Usages")) settings.AutoPrepareMinUsages = MinUsages;
        return settings.ConnectionString;
    }
}
