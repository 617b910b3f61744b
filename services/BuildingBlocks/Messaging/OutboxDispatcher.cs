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
            await listener.WaitAsync(options.OutboxPollInterval, stoppingToken);
        }
    }

    /// <summary>Returns true when a full batch went out cleanly, so more may be waiting.</summary>
    public async Task<bool> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var batch = await ClaimAsync(connection, transaction, cancellationToken);
        var dispatched = new List<long>(batch.Count);
        var blockedAggregates = new HashSet<string>();

        foreach (var message in batch)
        {
            if (blockedAggregates.Contains(message.AggregateId)) continue;
            try
            {
                await PublishAsync(message, cancellationToken);
                dispatched.Add(message.Sequence);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                blockedAggregates.Add(message.AggregateId);
                await MarkFailedAsync(connection, transaction, message, exception, cancellationToken);
            }
        }

        await MarkDispatchedAsync(connection, transaction, dispatched, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch.Count == options.OutboxBatchSize && blockedAggregates.Count == 0;
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

    private async Task PublishAsync(PendingMessage message, CancellationToken cancellationToken)
    {
        var type = Type.GetType(message.MessageType, throwOnError: true)!;
        var body = JsonSerializer.Deserialize(message.Body, type, OutboxExtensions.Json)!;
        using var tenant = currentTenant.Change(message.TenantId is { } id ? new TenantInfo(id, id.ToString(), id.ToString()) : null);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.PublishTimeout);
        await bus.Publish(body, type, context => context.MessageId = message.Id, timeout.Token);
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
