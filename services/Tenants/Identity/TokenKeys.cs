using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace RedesPlataforma.Tenants.Identity;

/// <summary>
/// The token signing key (RSA, published in the JWKS) and the key that encrypts refresh tokens.
/// Both live in files named by configuration so that tokens survive restarts; a missing file is created
/// with a fresh key on first start, which suits a local run. Production mounts the files from a secret store.
/// </summary>
public static class TokenKeys
{
    public static RsaSecurityKey LoadOrCreateSigningKey(string path)
    {
        var rsa = RSA.Create();
        if (File.Exists(path))
        {
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            rsa.KeySize = 2048;
            WriteSecret(path, rsa.ExportPkcs8PrivateKeyPem());
        }
        return new RsaSecurityKey(rsa) { KeyId = KeyId(rsa) };
    }

    public static SymmetricSecurityKey LoadOrCreateEncryptionKey(string path)
    {
        if (!File.Exists(path)) WriteSecret(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        return new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }

    // A stable kid lets validators pick the right key from the JWKS after a rotation.
    private static string KeyId(RSA rsa) =>
        Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16];

    private static void WriteSecret(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, content);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
