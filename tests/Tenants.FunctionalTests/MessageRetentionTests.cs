using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Tenants.FunctionalTests;

[Collection(TenantsHost.Name)]
public sealed class MessageRetentionTests(TenantsApp app)
{
    [Fact]
    public async Task Retention_deletes_old_dispatched_outbox_rows_and_old_inbox_rows_and_keeps_everything_still_needed()
    {
        var now = DateTimeOffset.UtcNow;
        var oldDispatched = await AddOutboxAsync(dispatchedAt: now.AddDays(-8));
        var recentDispatched = await AddOutboxAsync(dispatchedAt: now.AddHours(-1));
        var oldButPending = await AddOutboxAsync(dispatchedAt: null, occurredAt: now.AddDays(-10));
        var oldInbox = await AddInboxAsync(now.AddDays(-31));
        var recentInbox = await AddInboxAsync(now.AddDays(-29));

        var (outbox, inbox) = await app.Services.GetRequiredService<MessageRetention>().PurgeAsync(CancellationToken.None);

        Assert.True(outbox >= 1 && inbox >= 1, $"removed {outbox} outbox and {inbox} inbox rows");
        Assert.False(await ExistsAsync("outbox_messages", "id", oldDispatched));
        Assert.True(await ExistsAsync("outbox_messages", "id", recentDispatched));
        Assert.True(await ExistsAsync("outbox_messages", "id", oldButPending));
        Assert.False(await ExistsAsync("inbox_messages", "message_id", oldInbox));
        Assert.True(await ExistsAsync("inbox_messages", "message_id", recentInbox));
    }

    private async Task<Guid> AddOutboxAsync(DateTimeOffset? dispatchedAt, DateTimeOffset? occurredAt = null)
    {
        var id = Guid.NewGuid();
        await ExecuteAsync("""
            INSERT INTO outbox_messages (id, aggregate_id, message_type, body, occurred_at, dispatched_at, next_attempt_at, attempts)
            VALUES (@id, 'retention-test', 'Test', '{}', @occurred, @dispatched, @occurred, 0)
            """, ("id", id), ("occurred", occurredAt ?? dispatchedAt!.Value), ("dispatched", (object?)dispatchedAt ?? DBNull.Value));
        return id;
    }

    private async Task<Guid> AddInboxAsync(DateTimeOffset processedAt)
    {
        var id = Guid.NewGuid();
        await ExecuteAsync("INSERT INTO inbox_messages (consumer, message_id, processed_at) VALUES ('retention-test', @id, @at)", ("id", id), ("at", processedAt));
        return id;
    }

    private async Task<bool> ExistsAsync(string table, string column, Guid id)
    {
        await using var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {table} WHERE {column} = @id)", connection);
        command.Parameters.AddWithValue("id", id);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }
}
