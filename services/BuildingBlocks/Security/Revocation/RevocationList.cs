using System.Collections.Frozen;

namespace RedesPlataforma.BuildingBlocks.Security.Revocation;

/// <summary>
/// This instance's copy of the recent revocations (user → not-before), read by token validation on every request and
/// replaced whole by <see cref="RevocationRefresher"/> from the service's <c>access_revocations</c> table.
/// </summary>
public sealed class RevocationList
{
    private volatile FrozenDictionary<Guid, DateTimeOffset> _notBefore = FrozenDictionary<Guid, DateTimeOffset>.Empty;

    /// <summary>True once the table has been read since start-up; until then nothing is known to be revoked.</summary>
    public bool Loaded { get; private set; }

    public int Count => _notBefore.Count;

    public bool IsRevoked(Guid userId, DateTimeOffset issuedAt) => _notBefore.TryGetValue(userId, out var notBefore) && issuedAt < notBefore;

    internal void Replace(IEnumerable<KeyValuePair<Guid, DateTimeOffset>> revocations)
    {
        _notBefore = revocations.ToFrozenDictionary();
        Loaded = true;
    }
}
