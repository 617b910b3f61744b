using Microsoft.EntityFrameworkCore;

namespace RedesPlataforma.BuildingBlocks.Persistence;

/// <summary>
/// PostgreSQL advisory locks held until the current transaction ends: consumers that find-or-create or read-modify-write
/// the row of one entity take it first, so two messages about the same entity are applied one after the other.
/// </summary>
public static class AdvisoryLocks
{
    public static Task LockForTransactionAsync(this DbContext db, Guid id, CancellationToken ct) => db.LockForTransactionAsync([id], ct);

    /// <summary>Many ids are locked in key order, so two transactions locking overlapping sets cannot deadlock.</summary>
    public static async Task LockForTransactionAsync(this DbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var keys = ids.Select(Key).Distinct().Order().ToArray();
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(k) FROM unnest({keys}) AS k ORDER BY k", ct);
    }

    private static long Key(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        return BitConverter.ToInt64(bytes[..8]) ^ BitConverter.ToInt64(bytes[8..]);
    }
}
