using Microsoft.EntityFrameworkCore;

namespace RedesPlataforma.BuildingBlocks.Security.Revocation;

/// <summary>
/// A user's access tokens issued before <see cref="NotBefore"/> are refused. One row per user (the latest revocation
/// wins), kept in every service's own database so a restarted instance remembers it; not tenant-owned: token
/// validation reads it before any tenant is known.
/// </summary>
public sealed class AccessRevocation
{
    public Guid UserId { get; set; }
    public DateTimeOffset NotBefore { get; set; }

    /// <summary>
    /// Access tokens carry their issue time in whole seconds (JWT <c>iat</c>), so a revocation takes effect from the
    /// next whole second: a token issued in the same second as the revocation, before or after it, is refused too.
    /// The token server waits for that second to pass before it issues the user a new token (TokenEndpoint).
    /// </summary>
    public static DateTimeOffset NotBeforeFor(DateTimeOffset revokedAt) =>
        new DateTimeOffset(revokedAt.UtcTicks - revokedAt.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero).AddSeconds(1);
}

public static class AccessRevocationModel
{
    public static ModelBuilder AddAccessRevocations(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AccessRevocation>(revocation =>
        {
            revocation.ToTable("access_revocations");
            revocation.HasKey(r => r.UserId);
            revocation.HasIndex(r => r.NotBefore);
        });
        return modelBuilder;
    }
}
