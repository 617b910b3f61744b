using System.Threading.RateLimiting;

namespace RedesPlataforma.Gateway.RateLimiting;

/// <summary>Section RateLimits. A tenant (or a national-unit user) gets a token bucket refilled every second;
/// an anonymous client (by IP) gets a bucket refilled one token at a time over a minute.</summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";

    public int PerTenantPerSecond { get; set; } = 50;
    public int Burst { get; set; } = 100;
    public int AnonymousPerMinute { get; set; } = 120;

    internal TokenBucketRateLimiterOptions AuthenticatedBucket() => new()
    {
        TokensPerPeriod = Math.Max(1, PerTenantPerSecond),
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        TokenLimit = Math.Max(1, Math.Max(Burst, PerTenantPerSecond)),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    internal TokenBucketRateLimiterOptions AnonymousBucket() => new()
    {
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1) / Math.Max(1, AnonymousPerMinute),
        TokenLimit = Math.Max(1, AnonymousPerMinute),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
