using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Messaging;

namespace RedesPlataforma.Bench.Outbox;

/// <summary>The business row each bench transaction writes next to its outbox row.</summary>
public sealed class BenchOrder
{
    public Guid Id { get; init; }
    public int Amount { get; init; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}

/// <summary>A service database in miniature: one tiny table plus the platform's outbox and inbox.</summary>
public sealed class BenchDb(DbContextOptions<BenchDb> options) : DbContext(options)
{
    public DbSet<BenchOrder> Orders => Set<BenchOrder>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BenchOrder>(order =>
        {
            order.ToTable("bench_orders");
            order.HasKey(o => o.Id);
        });
        modelBuilder.AddOutboxAndInbox();
    }
}
