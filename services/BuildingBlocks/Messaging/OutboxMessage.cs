namespace RedesPlataforma.BuildingBlocks.Messaging;

/// <summary>An integration event waiting to be published, written in the same transaction as the change it reports.</summary>
public sealed class OutboxMessage
{
    /// <summary>Insertion order; the dispatcher publishes each aggregate's messages in this order.</summary>
    public long Sequence { get; private set; }

    /// <summary>Becomes the broker's MessageId, which consumers' inboxes deduplicate on.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid? TenantId { get; init; }
    public required string AggregateId { get; init; }
    public required string MessageType { get; init; }
    public required string Body { get; init; }
    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? DispatchedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; } = DateTimeOffset.UtcNow;
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
}
