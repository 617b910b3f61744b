using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using RedesPlataforma.BuildingBlocks.Peru;

namespace RedesPlataforma.Networks.Producers;

/// <summary>
/// The keys producers' DNIs are hashed with (docs/decisions/0026): <c>Producers:DniHashKeys</c> maps a version to a
/// base64 key of at least 32 bytes, <c>Producers:DniHashCurrent</c> names the version events carry. Only Networks holds them.
/// </summary>
public sealed class DniHashOptions
{
    public const string Section = "Producers";
    public const int MinKeyBytes = 32;

    public Dictionary<string, string> DniHashKeys { get; set; } = [];
    public string DniHashCurrent { get; set; } = "";

    /// <summary>Why the configuration cannot hash, or null when it can.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(DniHashCurrent) || DniHashCurrent.Contains(':') || DniHashCurrent == DniHasher.ErasedVersion)
            return $"{Section}:DniHashCurrent must name a key version (without ':', not '{DniHasher.ErasedVersion}').";
        if (!DniHashKeys.TryGetValue(DniHashCurrent, out var key) || string.IsNullOrWhiteSpace(key))
            return $"{Section}:DniHashKeys:{DniHashCurrent} (the current DNI hash key) is not configured.";
        if (!Convert.TryFromBase64String(key, new byte[key.Length], out var length) || length < MinKeyBytes)
            return $"{Section}:DniHashKeys:{DniHashCurrent} must be base64 of at least {MinKeyBytes} random bytes.";
        return null;
    }
}

/// <summary>
/// A DNI as producer events carry it: "version:HMAC-SHA256(key, the 8 digits)" in base64url. The same person under two
/// institutions gets the same hash, so Reporting can count people once nationally; without the key, which never
/// leaves Networks, the hash cannot be turned back into a DNI by trying the hundred million possible ones.
/// </summary>
public sealed class DniHasher
{
    private readonly string _version;
    private readonly byte[] _key;

    public DniHasher(string version, byte[] key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        if (key.Length < DniHashOptions.MinKeyBytes) throw new ArgumentException($"A DNI hash key has at least {DniHashOptions.MinKeyBytes} bytes.", nameof(key));
        (_version, _key) = (version, key);
    }

    public static DniHasher From(DniHashOptions options) =>
        options.Problem() is { } problem ? throw new InvalidOperationException(problem)
            : new DniHasher(options.DniHashCurrent, Convert.FromBase64String(options.DniHashKeys[options.DniHashCurrent]));

    /// <summary>
    /// What a producer's events carry as the DNI's hash: the hash of their DNI or, once it is erased, a key of the
    /// producer alone ("erased:" and the id), so the anonymous member still counts as one person and links to no one
    /// (docs/decisions/0028).
    /// </summary>
    public string Of(Producer producer) => producer.Dni is { } dni ? Hash(dni) : $"{ErasedVersion}:{producer.Id:N}";

    /// <summary>The version of the anonymous keys of erased producers; never a key's version.</summary>
    public const string ErasedVersion = "erased";

    /// <summary>The hash of a DNI in any accepted writing ("12345678", "12345678-1"): the 8 digits are what is hashed.</summary>
    public string Hash(string dni)
    {
        var digits = Dni.Normalize(dni) ?? throw new ArgumentException("Not a valid DNI.", nameof(dni));
        return $"{_version}:{Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(digits)))}";
    }
}
