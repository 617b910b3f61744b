using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RedesPlataforma.BuildingBlocks.Persistence;

namespace RedesPlataforma.BuildingBlocks.Tests;

public sealed class DatabaseUnavailableTests
{
    private static PostgresException Server(string sqlState) => new("message", "FATAL", "FATAL", sqlState);

    [Theory]
    [InlineData("08006", true)]  // connection failure
    [InlineData("57P01", true)]  // admin shutdown: the server is stopping
    [InlineData("57P03", true)]  // cannot connect now: the server is starting
    [InlineData("53300", true)]  // too many connections: no slot left for a new one
    [InlineData("40001", false)] // serialization failure: transient, but the database is there
    [InlineData("23505", false)] // unique violation: the client's conflict
    public void Connection_and_shutdown_states_mean_unavailable_and_other_server_errors_do_not(string sqlState, bool unavailable) =>
        Assert.Equal(unavailable, DatabaseUnavailable.Is(Server(sqlState)));

    [Fact]
    public void A_refused_connection_is_unavailable_however_deep_EF_wraps_it()
    {
        var refused = new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused));

        Assert.True(DatabaseUnavailable.Is(new InvalidOperationException("likely a transient failure", refused)));
        Assert.True(DatabaseUnavailable.Is(new DbUpdateException("save failed", refused)));
        // As the services logged it under load: EF's execution strategy wrapping the server's refusal of a new connection.
        Assert.True(DatabaseUnavailable.Is(new InvalidOperationException("likely a transient failure", Server(PostgresErrorCodes.TooManyConnections))));
        Assert.False(DatabaseUnavailable.Is(new InvalidOperationException("a bug")));
    }
}
