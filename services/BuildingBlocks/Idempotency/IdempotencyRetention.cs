using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace RedesPlataforma.BuildingBlocks.Idempotency;

/// <summary>
/// Deletes expired idempotency records in small batches, as <see cref="Messaging.MessageRetention"/> does for the outbox
/// and inbox. The service role cannot see other tenants' rows, so the delete runs in the owner's
/// <see cref="IdempotencyModel.PurgeFunction"/>, which touches expired rows only.
/// </summary>
public sealed class IdempotencyRetention(NpgsqlDataSource dataSource, IdempotencyOptions options, TimeProvider clock, ILogger<IdempotencyRetention> logger)
    : BackgroundService
{
    private const int BatchSize = 5_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PurgeInterval, clock);
        do
        {
            try
            {
                if (await PurgeAsync(stoppingToken) is > 0 and var removed) logger.LogInformation("Retention removed {Count} idempotency records", removed);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(e, "Idempotency retention failed; retrying at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Deletes every expired record; returns how many.</summary>
    public async Task<long> PurgeAsync(CancellationToken cancellationToken)
    {
        long total = 0;
        int deleted;
        do
        {
            await using var command = dataSource.CreateCommand($"SELECT {IdempotencyModel.PurgeFunction}(@batch)");
            command.Parameters.AddWithValue("batch", BatchSize);
            deleted = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
            total += deleted;
        }
        while (deleted == BatchSize);
        return total;
    }
}
