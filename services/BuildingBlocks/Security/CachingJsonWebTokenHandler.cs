using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RedesPlataforma.BuildingBlocks.Security;

/// <summary>
/// The JWT handler with a memory of the tokens it found valid. A client sends the same token with every request for its
/// whole lifetime (15 minutes), and checking it again (base64, JSON, an RSA signature, the claims) is a large share of what the
/// gateway does per request besides forwarding it. Kept: only successful validations, keyed by the whole token text (a
/// token differing in one character is validated afresh), at most <see cref="MaxTokens"/>, and never past the token's
/// own expiry (without the clock skew the full check grants). What runs after validation still runs on every request:
/// the services' revocation check (OnTokenValidated, docs/decisions/0017) sees each request as before. Each request gets
/// its own copy of the identity, so a request adding claims cannot change another's.
/// </summary>
public sealed class CachingJsonWebTokenHandler(TimeProvider clock) : JsonWebTokenHandler
{
    public const int MaxTokens = 10_000;

    private readonly MemoryCache _valid = new(new MemoryCacheOptions { SizeLimit = MaxTokens });

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow();
        if (_valid.TryGetValue(token, out TokenValidationResult? known) && known is not null && known.SecurityToken.ValidTo > now.UtcDateTime)
            return CopyOf(known);

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (!result.IsValid || result.SecurityToken.ValidTo <= now.UtcDateTime) return result;
        _valid.Set(token, result, new MemoryCacheEntryOptions
        {
            Size = 1,
            AbsoluteExpiration = new DateTimeOffset(result.SecurityToken.ValidTo, TimeSpan.Zero),
        });
        return CopyOf(result);
    }

    private static TokenValidationResult CopyOf(TokenValidationResult known) => new()
    {
        IsValid = true,
        SecurityToken = known.SecurityToken,
        ClaimsIdentity = known.ClaimsIdentity.Clone(),
        Issuer = known.Issuer,
        TokenType = known.TokenType,
    };
}
