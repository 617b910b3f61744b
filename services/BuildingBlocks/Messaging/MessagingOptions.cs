namespace RedesPlataforma.BuildingBlocks.Messaging;

/// <summary>Configuration section "Messaging".</summary>
public sealed class MessagingOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";

    /// <summary>Replicated queues for clustered brokers; a single local node gains nothing from them.</summary>
    public bool QuorumQueues { get; set; }

    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);
    public int OutboxBatchSize { get; set; } = 200;
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long dispatched outbox rows are kept (to trace a delivery) before <see cref="MessageRetention"/> deletes them.</summary>
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a handled message's id is kept for deduplication; far longer than any redelivery.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);
}
