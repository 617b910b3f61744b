namespace RedesPlataforma.BuildingBlocks.Idempotency;

/// <summary>Configuration section "Idempotency".</summary>
public sealed class IdempotencyOptions
{
    /// <summary>How long a key and its response are kept. Clients promise to repeat a request within this window (at least 24 h).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);
}
