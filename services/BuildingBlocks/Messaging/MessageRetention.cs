using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace RedesPlataforma.BuildingBlocks.Messaging;

/// <summary>
/// Deletes what the outbox and inbox no longer need, in small batches so no long lock or bloat builds up: dispatched
/// outbox rows after <see cref="MessagingOptions.OutboxRetention"/> (kept a while for tracing a delivery), inbox rows
/// after <see cref="MessagingOptions.InboxRetention"/>. The inbox window must outlast any redelivery: a message older
/// than it would be handled again, which the consumers' idempotency by state then absorbs.
/// </summary>
public sealed class MessageRetention(NpgsqlDataSource dataSource, MessagingOptions options, TimeProvider clock, ILogger<MessageRetention> logger)
    : BackgroundService
{
    private const int BatchSize = 5_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.RetentionInterval, clock);
        do
        {
            try
            {
                var (outbox, inbox) = await PurgeAsync(stoppingToken);
                if (outbox + inbox > 0) logger.LogInformation("Retention removed {Outbox} outbox and {Inbox} inbox rows", outbox, inbox);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(e, "Outbox/inbox retention failed; retrying at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Deletes every row past its retention; returns how many of each.</summary>
    public async Task<(long Outbox, long Inbox)> PurgeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var outbox = await DeleteInBatchesAsync("""
            DELETE FROM outbox_messages WHERE sequence IN (
                SELECT sequence FROM outbox_messages WHERE dispatched_at < @cutoff ORDER BY sequence LIMIT @batch)
            """, now - options.OutboxRetention, cancellationToken);
        // Rows were written in time order, so the oldest are found first without an index on processed_at.
        var inbox = await DeleteInBatchesAsync("""
            DELETE FROM inbox_messages WHERE ctid IN (
                SELECT ctid FROM inbox_messages WHERE processed_at < @cutoff LIMIT @batch)
            """, now - options.InboxRetention, cancellationToken);
        return (outbox, inbox);
    }

    private async Task<long> DeleteInBatchesAsync(string sql, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        long total = 0;
        int deleted;
        do
        {
            await using var command = dataSource.CreateCommand(sql);
            command.Parameters.AddWithValue("cutoff", cutoff);
            command.Parameters.AddWithValue("batch", BatchSize);
            deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
        }
        while (deleted == BatchSize);
        return total;
    }
}
