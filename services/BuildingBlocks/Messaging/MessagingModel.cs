using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace RedesPlataforma.BuildingBlocks.Messaging;

/// <summary>The outbox and inbox tables every service's database has. They are not tenant-owned: one dispatcher serves all tenants.</summary>
public static class MessagingModel
{
    public const string NotifyChannel = "outbox_messages";

    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.HasKey(m => m.Sequence);
            outbox.Property(m => m.Sequence).UseIdentityAlwaysColumn();
            outbox.HasIndex(m => m.Id).IsUnique();
            outbox.Property(m => m.AggregateId).HasMaxLength(100);
            outbox.Property(m => m.MessageType).HasMaxLength(300);
            outbox.Property(m => m.Body).HasColumnType("jsonb");
            outbox.HasIndex(m => new { m.AggregateId, m.Sequence }).HasFilter("dispatched_at IS NULL");
            outbox.HasIndex(m => m.Sequence).HasDatabaseName("ix_outbox_messages_pending").HasFilter("dispatched_at IS NULL");
        });
        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox_messages");
            inbox.HasKey(m => new { m.Consumer, m.MessageId });
            inbox.Property(m => m.Consumer).HasMaxLength(300);
        });
        return modelBuilder;
    }

    /// <summary>Use in the migration that creates the outbox: a NOTIFY on insert wakes the dispatcher when the transaction commits.</summary>
    public static MigrationBuilder CreateOutboxNotifyTrigger(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            CREATE OR REPLACE FUNCTION outbox_messages_notify() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('{NotifyChannel}', '');
                RETURN NULL;
            END $$;
            CREATE TRIGGER outbox_messages_notify AFTER INSERT ON outbox_messages
                FOR EACH STATEMENT EXECUTE FUNCTION outbox_messages_notify();
            """);
        return migrationBuilder;
    }
}
