namespace RedesPlataforma.Gateway.Overload;

/// <summary>Section Overload: how many proxied requests may wait for their service's answer at once, and how many more
/// may wait for a turn, and for how long, before the gateway answers 503 with Retry-After (ADR 0038).</summary>
public sealed class OverloadSettings
{
    public const string Section = "Overload";

    public int MaxConcurrentRequests { get; set; } = 32;
    public int MaxQueuedRequests { get; set; } = 64;
    public TimeSpan MaxQueueWait { get; set; } = TimeSpan.FromMilliseconds(250);
    public int RetryAfterSeconds { get; set; } = 2;
}
