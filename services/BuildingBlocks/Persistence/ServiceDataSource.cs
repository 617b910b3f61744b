using System.Data.Common;
using Npgsql;

namespace RedesPlataforma.BuildingBlocks.Persistence;

/// <summary>
/// A service's PostgreSQL data source: statements prepared, and a bounded pool.
/// <para>
/// Prepared: EF Core sends the same few dozen statements again and again; unprepared, PostgreSQL parses, analyses and
/// plans each one on every execution, which was most of its CPU per request (the "my work" read: 5.7–6.0 ms of
/// PostgreSQL CPU unprepared, 2.6–2.8 ms prepared; docs/decisions/0037). A statement run <see cref="MinUsages"/> times
/// on a connection is prepared on it, up to <see cref="PerConnection"/> per connection, the least recently used
/// replaced. Row-level security is unaffected: its policies read the tenant setting when a statement runs, not when it
/// is planned.
/// </para>
/// <para>
/// Bounded: a DbContext holds its connection for its whole request or message (<see cref="ConnectionPerContext"/>), and
/// each message endpoint consumes up to 16 messages at once, so a burst of events asked Reporting's pool for dozens of
/// connections; with Npgsql's default of 100 per pool the services together could take more than PostgreSQL's 100 slots
/// and answer 503 (the containers' seed did). <see cref="PoolSize"/> per data source keeps five pools and the owners'
/// within those slots; past it, work waits for a connection (up to the connection string's Timeout, 15 s) instead.
/// </para>
/// A connection string that sets any of these keeps its own value (Max Auto Prepare=0 turns preparation off).
/// </summary>
public static class ServiceDataSource
{
    public const int PerConnection = 64;
    public const int MinUsages = 2;
    public const int PoolSize = 16;

    public static NpgsqlDataSource Create(string connectionString) => NpgsqlDataSource.Create(WithServiceSettings(connectionString));

    public static string WithServiceSettings(string connectionString)
    {
        // Npgsql's own builder answers every keyword it knows as present, so what was written is read with the plain one;
        // Npgsql takes a setting's keyword or its property's name.
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Written(string keyword, string property) => written.ContainsKey(keyword) || written.ContainsKey(property);

        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Written("Max Auto Prepare", nameof(settings.MaxAutoPrepare))) settings.MaxAutoPrepare = PerConnection;
        if (!Written("Auto Prepare Min Usages", nameof(settings.AutoPrepareMinUsages))) settings.AutoPrepareMinUsages = MinUsages;
        if (!Written("Maximum Pool Size", nameof(settings.MaxPoolSize))) settings.MaxPoolSize = PoolSize;
        return settings.ConnectionString;
    }
}
