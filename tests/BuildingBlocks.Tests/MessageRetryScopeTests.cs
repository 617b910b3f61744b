using System.Collections.Concurrent;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.Testing;

namespace RedesPlataforma.BuildingBlocks.Tests;

/// <summary>Adds <see cref="Amount"/> to the tally named <see cref="Key"/>.</summary>
public sealed record TallyDeposit(string Key, int Amount);

public sealed class Tally
{
    public required string Key { get; init; }
    public int Amount { get; set; }
}

public sealed class TallyDb(DbContextOptions<TallyDb> options) : DbContext(options)
{
    public DbSet<Tally> Tallies => Set<Tally>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.Entity<Tally>(tally =>
        {
            tally.ToTable("tallies");
            tally.HasKey(t => t.Key);
        });
    }
}

/// <summary>
/// The question behind MessagingExtensions' bus-level UseMessageRetry: when a consumer's SaveChanges fails and
/// MassTransit retries in-process, does the next attempt get a new DI scope (new DbContext, new inbox transaction) or
/// the failed attempt's scope, whose DbContext still tracks what failed? Answered on the real pipeline: RabbitMQ, the
/// platform's tenant and inbox filters, a scoped EF DbContext on PostgreSQL.
/// </summary>
public sealed class MessageRetryScopeTests
{
    private const int RacerAmount = 100;
    private const int DepositAmount = 5;

    [Fact]
    public async Task Each_retry_gets_a_new_scope_so_the_attempt_after_a_lost_unique_key_race_starts_clean_and_saves_once()
    {
        await using var broker = await TestVirtualHost.CreateAsync();
        await using var database = await TestDatabase.CreateAsync("retry");
        await using (var owner = new TallyDb(new DbContextOptionsBuilder<TallyDb>().UseServiceConventionsFor(database.OwnerConnectionString).Options))
            await owner.Database.EnsureCreatedAsync();
        var attempts = new DepositAttempts(database.AppConnectionString);
        using var host = await StartConsumerAsync(broker, database, attempts);

        var key = $"tally-{Guid.NewGuid():N}";
        var messageId = Guid.NewGuid();
        await host.Services.GetRequiredService<IBus>().Publish(new TallyDeposit(key, DepositAmount), context => context.MessageId = messageId);
        await WaitForInboxRowAsync(database, messageId, TimeSpan.FromSeconds(30));

        var seen = attempts.Seen.ToArray();
        Assert.Equal(new[] { 0, 1 }, seen.Select(a => a.RetryAttempt));
        var (first, second) = (seen[0], seen[1]);
        Assert.NotSame(first.Scope, second.Scope);
        Assert.NotEqual(first.Context, second.Context);
        Assert.Equal(0, second.TrackedAtStart);

        // The racer's row plus this deposit, once: the retry found the row instead of inserting the failed entity again.
        Assert.Equal(new[] { (key, RacerAmount + DepositAmount) }, await TalliesAsync(database));
        Assert.Equal(1, await InboxRowsAsync(database, messageId));
        await host.StopAsync();
    }

    private static async Task<IHost> StartConsumerAsync(TestVirtualHost broker, TestDatabase database, DepositAttempts attempts)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:Database", database.AppConnectionString), .. broker.Settings()]);
        builder.Services.AddSingleton(attempts);
        builder.AddServiceDatabase<TallyDb>();
        builder.AddMessaging<TallyDb>("retry", bus => bus.AddConsumer<DepositConsumer>());
        var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        return host;
    }

    // The inbox row commits with the consumer's changes, so it appearing means the successful attempt has committed.
    private static async Task WaitForInboxRowAsync(TestDatabase database, Guid messageId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await InboxRowsAsync(database, messageId) == 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited {timeout} for message {messageId} to be handled.");
            await Task.Delay(100);
        }
    }

    private static async Task<long> InboxRowsAsync(TestDatabase database, Guid messageId)
    {
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM inbox_messages WHERE message_id = @id", connection);
        command.Parameters.AddWithValue("id", messageId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<(string Key, int Amount)>> TalliesAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT key, amount FROM tallies ORDER BY key", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, int)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetInt32(1)));
        return rows;
    }

    /// <summary>One run of the consumer: which scope and DbContext it got, and what that context already tracked.</summary>
    private sealed record Attempt(int RetryAttempt, IServiceProvider Scope, DbContextId Context, int TrackedAtStart);

    private sealed class DepositAttempts(string connectionString)
    {
        public ConcurrentQueue<Attempt> Seen { get; } = new();

        /// <summary>Another writer creates the tally and commits, between the consumer's lookup and its insert.</summary>
        public async Task CreateTallyFirstAsync(string key, CancellationToken cancellationToken)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("INSERT INTO tallies (key, amount) VALUES (@key, @amount)", connection);
            command.Parameters.AddWithValue("key", key);
            command.Parameters.AddWithValue("amount", RacerAmount);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Find-or-create then add, as the services' projections do. Its first attempt loses the creation race, so SaveChanges
    /// fails on the primary key with the new tally still tracked. Were the retry to reuse that DbContext, Find would return
    /// the tracked tally and SaveChanges would insert it again: every attempt would repeat the first failure.
    /// </summary>
    private sealed class DepositConsumer(TallyDb db, IServiceProvider scope, DepositAttempts attempts) : IConsumer<TallyDeposit>
    {
        public async Task Consume(ConsumeContext<TallyDeposit> context)
        {
            var retryAttempt = context.GetRetryAttempt();
            attempts.Seen.Enqueue(new Attempt(retryAttempt, scope, db.ContextId, db.ChangeTracker.Entries().Count()));

            var tally = await db.Tallies.FindAsync([context.Message.Key], context.CancellationToken);
            if (tally is null) db.Tallies.Add(tally = new Tally { Key = context.Message.Key });
            tally.Amount += context.Message.Amount;

            if (retryAttempt == 0) await attempts.CreateTallyFirstAsync(context.Message.Key, context.CancellationToken);
            await db.SaveChangesAsync(context.CancellationToken);
        }
    }
}
