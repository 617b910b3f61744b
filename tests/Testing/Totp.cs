using System.Buffers.Binary;
using System.Security.Cryptography;

namespace RedesPlataforma.Testing;

/// <summary>
/// An authenticator app in the test (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), from the key as the token
/// server shows it (base32, in any case, grouped with spaces). Identity's own implementation is internal.
/// </summary>
public static class Totp
{
    public static string Code(string sharedKey, DateTimeOffset? at = null) =>
        CodeAt(Base32(sharedKey), (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30);

    /// <summary>Six digits that no step within the server's tolerance (two steps each way) accepts now.</summary>
    public static string WrongCode(string sharedKey)
    {
        var key = Base32(sharedKey);
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var accepted = Enumerable.Range(-3, 7).Select(i => CodeAt(key, step + i)).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => $"{i}{i}{i}{i}{i}{i}").First(code => !accepted.Contains(code));
    }

    private static string CodeAt(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff;
        return (binary % 1_000_000).ToString("D6");
    }

    private static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "").TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
