using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace RedesPlataforma.Gateway.Bff;

/// <summary>
/// Refreshes a session's tokens at most once per refresh token in this process. Refresh tokens are single-use: the
/// SPA's parallel calls arrive with the same cookie, so the first one redeems it and the others, waiting on the same
/// lock, get the tokens it obtained (kept a short while by the old refresh token's hash). Two gateway replicas can
/// still both redeem one token; the loser's request gets a 401 (docs/decisions/0009).
/// </summary>
public sealed class SessionRefresher(TokenServerClient tokenServer, IMemoryCache rotated)
{
    private static readonly TimeSpan RotatedKeptFor = TimeSpan.FromMinutes(2);

    // Striped locks: bounded memory however many sessions there are; two sessions sharing a stripe only wait a little.
    private readonly SemaphoreSlim[] _locks = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>The new tokens, or null when the token server refuses the refresh token (the session is over).</summary>
    public async Task<SessionTokens?> RefreshAsync(SessionTokens current, CancellationToken ct)
    {
        var key = SHA256.HashData(Encoding.UTF8.GetBytes(current.RefreshToken));
        var gate = _locks[key[0] % _locks.Length];
        var cacheKey = "bff-refresh:" + Convert.ToHexString(key);
        await gate.WaitAsync(ct);
        try
        {
            if (rotated.TryGetValue(cacheKey, out SessionTokens? already)) return already;
            var refreshed = await tokenServer.RefreshAsync(current.RefreshToken, ct);
            if (refreshed is not null) rotated.Set(cacheKey, refreshed, RotatedKeptFor);
            return refreshed;
        }
        finally
        {
            gate.Release();
        }
    }
}
