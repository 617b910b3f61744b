namespace RedesPlataforma.Networks.Tests;

/// <summary>A clock stopped at one instant, so rules that depend on "now" have a known today.</summary>
sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
