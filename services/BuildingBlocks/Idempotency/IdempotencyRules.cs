using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace RedesPlataforma.BuildingBlocks.Idempotency;

/// <summary>The small rules of idempotent requests, apart from any I/O so they can be tested alone.</summary>
public static class IdempotencyRules
{
    public const string KeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 100;

    /// <summary>The methods a key applies to; reads are safe to repeat anyway.</summary>
    public static bool AppliesTo(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    /// <summary>1 to 100 visible ASCII characters (0x21–0x7E): a UUID fits, and nothing can break a log line or a header.</summary>
    public static bool IsValidKey(string? key) =>
        key is { Length: > 0 and <= MaxKeyLength } && key.All(c => c is >= '!' and <= '~');

    /// <summary>
    /// Whether a response is kept for replay. Kept: every 2xx, 3xx and 4xx that says something about the request itself
    /// (400, 404, 409, 412, 422…), so a replay answers the same. Not kept, so a retry can still succeed: 401 and 403
    /// (the token or the rights may change), 408 and 499 (the client or server gave up), 429 (rate limit) and every 5xx.
    /// </summary>
    public static bool IsStored(int status) =>
        status is >= 200 and < 500 and not (401 or 403 or 408 or 429 or 499);

    /// <summary>SHA-256 of "METHOD path?query\n" followed by the body's bytes.</summary>
    public static async Task<byte[]> FingerprintAsync(string method, string pathAndQuery, Stream body, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{method.ToUpperInvariant()} {pathAndQuery}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0) hash.AppendData(buffer, 0, read);
        return hash.GetHashAndReset();
    }

    /// <summary>
    /// The two 32-bit keys of the transaction-level advisory lock held while a key's request runs. The two-key form lives
    /// apart from the one-bigint locks used elsewhere; a collision between two keys only costs a spurious 409 and a retry.
    /// </summary>
    public static (int ClassId, int ObjectId) LockKeys(Guid? tenantId, Guid userId, string key)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId}|{userId}|{key}"));
        return (BitConverter.ToInt32(digest, 0), BitConverter.ToInt32(digest, 4));
    }
}
