using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RedesPlataforma.BuildingBlocks.Persistence;

/// <summary>
/// Keeps a DbContext's connection from its first query to its disposal. EF Core opens and closes the connection around
/// every query, and each open takes a pooled connection and sets the tenant on it (<c>TenantConnectionInterceptor</c>),
/// a round trip of its own; a request that runs eight queries made sixteen round trips ("my work": 287–310 reads/s with
/// a connection per query, 358–442 with one; docs/decisions/0037). The DbContext's tenant is fixed when it is created,
/// so the tenant set at the first open is the right one for all of them. Disposing the context (the end of the request
/// or message scope) returns the connection to the pool as before. A broken connection is closed as usual, so the next
/// query opens a fresh one.
/// </summary>
public sealed class ConnectionPerContext : DbConnectionInterceptor
{
    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        Keep(connection) ? InterceptionResult.Suppress() : result;

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        new(Keep(connection) ? InterceptionResult.Suppress() : result);

    private static bool Keep(DbConnection connection) => connection.State == ConnectionState.Open;
}
