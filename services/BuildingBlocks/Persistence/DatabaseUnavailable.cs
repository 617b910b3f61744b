using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace RedesPlataforma.BuildingBlocks.Persistence;

/// <summary>
/// Whether a failure means the database cannot be reached right now (down, restarting, the connection dropped or
/// timed out) rather than a bug or a bad request: the client should retry later, so the answer is a 503.
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>Seconds a client waits before retrying: a PostgreSQL restart or fail-over takes a few.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool Is(Exception exception) => exception switch
    {
        RetryLimitExceededException => true,
        // Connection exceptions (08*), the server shutting down, crashing or still starting (57P01..57P03), and no
        // connection slot left (53300: pools of several services, or stacks, sharing one server's max_connections).
        // Other states a server sends, deadlocks and serialization failures included, are not about reaching it.
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                                      || postgres.SqlState is "57P01" or "57P02" or "57P03" or PostgresErrorCodes.TooManyConnections,
        // Npgsql's own: the connection was refused, broke, or timed out.
        NpgsqlException { IsTransient: true } => true,
        _ => exception.InnerException is { } inner && Is(inner),
    };
}
