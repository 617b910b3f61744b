using Npgsql;

namespace RedesPlataforma.Reporting.Infrastructure;

/// <summary>
/// Connections in the national scope: they read every tenant's breakdown cells and the institutions' directory, and nothing
/// else (no tenant is set, so every tenant policy fails closed, and no write policy admits them). A pool of its own,
/// so a tenant request or consumer can never be handed a national session.
/// </summary>
public sealed class NationalCells(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken ct) => dataSource.OpenConnectionAsync(ct);

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
