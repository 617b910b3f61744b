using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using RedesPlataforma.Networks.Producers;

namespace RedesPlataforma.Networks.Tests;

public sealed class DniHasherTests
{
    static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    [Fact]
    public void The_hash_is_the_version_and_the_base64url_HMAC_SHA256_of_the_eight_digits()
    {
        var expected = Base64Url.EncodeToString(HMACSHA256.HashData(Key, Encoding.ASCII.GetBytes("12345678")));
        Assert.Equal($"v1:{expected}", new DniHasher("v1", Key).Hash("12345678"));
    }

    [Theory]
    [InlineData("12345678-1")]
    [InlineData("123456781")]
    [InlineData(" 12345678 ")]
    [InlineData("12345678E")]
    public void Every_writing_of_one_DNI_hashes_alike(string writing)
    {
        var hasher = new DniHasher("v1", Key);
        Assert.Equal(hasher.Hash("12345678"), hasher.Hash(writing));
    }

    [Fact]
    public void Another_key_or_another_DNI_gives_another_hash_and_the_version_says_which_key()
    {
        var other = Key.Select(b => (byte)(b ^ 0xFF)).ToArray();
        var v1 = new DniHasher("v1", Key).Hash("12345678");
        var v2 = new DniHasher("v2", other).Hash("12345678");
        Assert.StartsWith("v2:", v2);
        Assert.NotEqual(v1[3..], v2[3..]);
        Assert.NotEqual(v1, new DniHasher("v1", Key).Hash("87654321"));
        Assert.DoesNotContain("12345678", v1);
    }

    [Fact]
    public void A_short_key_or_an_invalid_DNI_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new DniHasher("v1", new byte[16]));
        Assert.Throws<ArgumentException>(() => new DniHasher("v1", Key).Hash("1234567"));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("v1", "")]
    [InlineData("v2", "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=")]
    [InlineData("v1", "c2hvcnQ=")]
    [InlineData("v:1", "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=")]
    public void A_configuration_without_a_usable_current_key_says_what_is_missing(string current, string key)
    {
        var options = new DniHashOptions { DniHashCurrent = current, DniHashKeys = { ["v1"] = key, ["v:1"] = key } };
        Assert.NotNull(options.Problem());
        Assert.Throws<InvalidOperationException>(() => DniHasher.From(options));
    }

    [Fact]
    public void A_configured_current_key_hashes_with_its_version()
    {
        var options = new DniHashOptions { DniHashCurrent = "v2", DniHashKeys = { ["v1"] = "bm90IHVzZWQ=", ["v2"] = Convert.ToBase64String(Key) } };
        Assert.Null(options.Problem());
        Assert.Equal(new DniHasher("v2", Key).Hash("12345678"), DniHasher.From(options).Hash("12345678"));
    }
}
