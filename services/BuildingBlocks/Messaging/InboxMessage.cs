namespace RedesPlataforma.BuildingBlocks.Messaging;

/// <summary>A message a consumer has already handled; its key makes a redelivery change nothing.</summary>
public sealed class InboxMessage
{
    public required string Consumer { get; init; }
    public Guid MessageId { get; init; }
    public DateTimeOffset ProcessedAt { get; init; } = DateTimeOffset.UtcNow;
}
