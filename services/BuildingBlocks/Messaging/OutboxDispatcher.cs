using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using RedesPlataforma.BuildingBlocks.MultiTenancy;

namespace RedesPlataforma.BuildingBlocks.Messaging;

/// <summary>
/// Publishes committed outbox rows. It sleeps on LISTEN and wakes on the NOTIFY the insert trigger sends at commit,
/// so events leave within milliseconds; the poll interval only backs up a lost notification and paces retries.
/// Batches are claimed with FOR UPDATE SKIP LOCKED so several replicas can run, and a row waits while an older
/// row of its aggregate is undispatched, which keeps each aggregate's events in order across replicas.
/// Figures: docs/performance.md (bench/Outbox.Bench).
/// </summary>
public sealed class OutboxDispatcher(
    NpgsqlDataSource dataSource,
    IBus bus,
    ICurrentTenant currentTenant,
    MessagingOptions options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const string ClaimSql = """
        SELECT sequence, id, tenant_id, aggregate_id, message_type, body::text, attempts
        FROM outbox_messages o
        WHERE o.dispatched_at IS NULL AND o.next_attempt_at <= now()
          AND NOT EXISTS (SELECT 1 FROM outbox_messages p
                          WHERE p.aggregate_id = o.aggregate_id AND p.dispatched_at IS NULL AND p.sequence < o.sequence)
        ORDER BY o.sequence
        LIMIT @batch
        FOR UPDATE SKIP LOCKED
        """;

    private sealed record PendingMessage(long Sequence, Guid Id, Guid? TenantId, string AggregateId, string MessageType, string Body, int Attempts);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAndDispatchAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Outbox dispatcher lost its database connection; retrying");
                await Task.Delay(options.OutboxPollInterval, stoppingToken);
            }
        }
    }

    private async Task ListenAndDispatchAsync(CancellationToken stoppingToken)
    {
        await using var listener = await dataSource.OpenConnectionAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {MessagingModel.NotifyChannel}", listener))
            await listen.ExecuteNonQueryAsync(stoppingToken);

        while (!stoppingToken.IsCancellationRequested)
        {
            while (await DispatchBatchAsync(stoppingToken)) { }
            if (await listener.WaitAsync(options.OutboxPollInterval, stoppingToken))
                await DrainNotificationsAsync(listener, stoppingToken);
        }
    }

    // Each committed transaction queues one notification; the batches about to run pick up every row they announce,
    // so the rest are consumed here instead of each costing an empty claim.
    private static async Task DrainNotificationsAsync(NpgsqlConnection listener, CancellationToken stoppingToken)
    {
        while (await listener.WaitAsync(TimeSpan.FromMilliseconds(1), stoppingToken)) { }
    }

    /// <summary>
    /// Claims one batch and publishes it. The claim holds at most one row per aggregate (a row waits for its
    /// aggregate's older ones), so the batch's publishes run concurrently without reordering any aggregate.
    /// Returns true when something went out, since that may have released the next row of its aggregate.
    /// </summary>
    public async Task<bool> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var batch = await ClaimAsync(connection, transaction, cancellationToken);
        var outcomes = await Task.WhenAll(batch.Select(message => TryPublishAsync(message, cancellationToken)));

        foreach (var (message, error) in outcomes.Where(o => o.Error is not null))
            await MarkFailedAsync(connection, transaction, message, error!, cancellationToken);
        var dispatched = outcomes.Where(o => o.Error is null).Select(o => o.Message.Sequence).ToList();
        await MarkDispatchedAsync(connection, transaction, dispatched, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return dispatched.Count > 0;
    }

    private async Task<List<PendingMessage>> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var claim = new NpgsqlCommand(ClaimSql, connection, transaction);
        claim.Parameters.AddWithValue("batch", options.OutboxBatchSize);
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        var batch = new List<PendingMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            batch.Add(new PendingMessage(reader.GetInt64(0), reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetGuid(2),
                reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetInt32(6)));
        }
        return batch;
    }

    private async Task<(PendingMessage Message, Exception? Error)> TryPublishAsync(PendingMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var type = Type.GetType(message.MessageType, throwOnError: true)!;
            var body = JsonSerializer.Deserialize(message.Body, type, OutboxExtensions.Json)!;
            using var tenant = currentTenant.Change(message.TenantId is { } id ? TenantInfo.ForId(id) : null);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.PublishTimeout);
            await bus.Publish(body, type, context =>
            {
                context.MessageId = message.Id;
                context.Headers.Set(PlatformMessageHeaders.OutboxSequence, message.Sequence);
            }, timeout.Token);
            return (message, null);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return (message, exception);
        }
    }

    private static async Task MarkDispatchedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<long> sequences, CancellationToken cancellationToken)
    {
        if (sequences.Count == 0) return;
        await using var mark = new NpgsqlCommand(
            "UPDATE outbox_messages SET dispatched_at = now(), last_error = NULL WHERE sequence = ANY(@sequences)", connection, transaction);
        mark.Parameters.AddWithValue("sequences", sequences.ToArray());
        await mark.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task MarkFailedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, PendingMessage message, Exception exception, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(Math.Min(options.MaxRetryDelay.TotalMilliseconds, 250 * Math.Pow(2, message.Attempts)));
        logger.LogWarning(exception, "Publishing {MessageType} {MessageId} failed (attempt {Attempt}); retrying in {Delay}",
            message.MessageType, message.Id, message.Attempts + 1, delay);
        await using var fail = new NpgsqlCommand("""
            UPDATE outbox_messages SET attempts = attempts + 1, last_error = @error, next_attempt_at = now() + @delay
            WHERE sequence = @sequence
            """, connection, transaction);
        fail.Parameters.AddWithValue("error", exception.Message);
        fail.Parameters.AddWithValue("delay", delay);
        fail.Parameters.AddWithValue("sequence", message.Sequence);
        await fail.ExecuteNonQueryAsync(cancellationToken);
    }
}
