using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RedesPlataforma.BuildingBlocks.Security;

namespace RedesPlataforma.BuildingBlocks.Tests;

/// <summary>
/// The handler's memory is shown by taking the signing key away after the first check: a remembered token is still
/// valid without it, anything else (another token, the same token altered or expired) is checked in full and fails.
/// </summary>
public sealed class CachingJsonWebTokenHandlerTests
{
    private static readonly RsaSecurityKey Key = new(RSA.Create(2048));
    private static readonly TokenValidationParameters WithKey = Parameters(Key);
    private static readonly TokenValidationParameters WithoutKeys = Parameters();

    private readonly MovableClock _clock = new();

    [Fact]
    public async Task A_token_found_valid_is_not_checked_again_before_it_expires()
    {
        var handler = new CachingJsonWebTokenHandler(_clock);
        var token = Token("ana", TimeSpan.FromMinutes(15));
        Assert.True((await handler.ValidateTokenAsync(token, WithKey)).IsValid);

        _clock.Advance(TimeSpan.FromMinutes(14));
        var again = await handler.ValidateTokenAsync(token, WithoutKeys);

        Assert.True(again.IsValid);
        Assert.Equal("ana", again.ClaimsIdentity.FindFirst("sub")?.Value);
    }

    [Fact]
    public async Task Another_token_or_the_same_one_altered_is_checked_in_full()
    {
        var handler = new CachingJsonWebTokenHandler(_clock);
        var token = Token("ana", TimeSpan.FromMinutes(15));
        Assert.True((await handler.ValidateTokenAsync(token, WithKey)).IsValid);

        Assert.False((await handler.ValidateTokenAsync(Token("ana", TimeSpan.FromMinutes(15)), WithoutKeys)).IsValid);
        var altered = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
        Assert.False((await handler.ValidateTokenAsync(altered, WithoutKeys)).IsValid);
    }

    [Fact]
    public async Task A_token_past_its_expiry_is_checked_in_full_again()
    {
        var handler = new CachingJsonWebTokenHandler(_clock);
        var token = Token("ana", TimeSpan.FromMinutes(15));
        Assert.True((await handler.ValidateTokenAsync(token, WithKey)).IsValid);

        _clock.Advance(TimeSpan.FromMinutes(15));

        Assert.False((await handler.ValidateTokenAsync(token, WithoutKeys)).IsValid);
    }

    [Fact]
    public async Task A_request_changing_its_identity_does_not_change_the_next_ones()
    {
        var handler = new CachingJsonWebTokenHandler(_clock);
        var token = Token("ana", TimeSpan.FromMinutes(15));
        (await handler.ValidateTokenAsync(token, WithKey)).ClaimsIdentity.AddClaim(new Claim("role", "admin"));
        (await handler.ValidateTokenAsync(token, WithKey)).ClaimsIdentity.AddClaim(new Claim("role", "admin"));

        var next = await handler.ValidateTokenAsync(token, WithKey);

        Assert.Null(next.ClaimsIdentity.FindFirst("role"));
    }

    private string Token(string subject, TimeSpan lifetime) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "https://tenants.test/",
        Audience = JwtAuthenticationExtensions.DefaultAudience,
        Claims = new Dictionary<string, object> { ["sub"] = subject, ["jti"] = Guid.NewGuid().ToString() },
        IssuedAt = _clock.GetUtcNow().UtcDateTime,
        NotBefore = _clock.GetUtcNow().UtcDateTime,
        Expires = (_clock.GetUtcNow() + lifetime).UtcDateTime,
        SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
    });

    private static TokenValidationParameters Parameters(params SecurityKey[] keys) => new()
    {
        ValidIssuer = "https://tenants.test/",
        ValidAudience = JwtAuthenticationExtensions.DefaultAudience,
        IssuerSigningKeys = keys,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
    };

    private sealed class MovableClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}
