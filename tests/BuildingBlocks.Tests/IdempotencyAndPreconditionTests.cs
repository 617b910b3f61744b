using System.Text;
using Microsoft.AspNetCore.Http;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Idempotency;

namespace RedesPlataforma.BuildingBlocks.Tests;

public sealed class IdempotencyAndPreconditionTests
{
    [Theory]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301", true)]
    [InlineData("k", true)]
    [InlineData("", false)]
    [InlineData("con espacio", false)]
    [InlineData("tab\tkey", false)]
    [InlineData("ñandú", false)]
    public void A_key_is_1_to_100_visible_ASCII_characters(string key, bool valid) => Assert.Equal(valid, IdempotencyRules.IsValidKey(key));

    [Fact]
    public void A_key_of_100_characters_is_accepted_and_one_of_101_refused()
    {
        Assert.True(IdempotencyRules.IsValidKey(new string('~', 100)));
        Assert.False(IdempotencyRules.IsValidKey(new string('~', 101)));
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(201, true)]
    [InlineData(204, true)]
    [InlineData(400, true)]
    [InlineData(404, true)]
    [InlineData(409, true)]
    [InlineData(412, true)]
    [InlineData(422, true)]
    [InlineData(401, false)]
    [InlineData(403, false)]
    [InlineData(408, false)]
    [InlineData(429, false)]
    [InlineData(499, false)]
    [InlineData(500, false)]
    [InlineData(503, false)]
    public void Responses_that_a_retry_could_change_are_not_stored(int status, bool stored) => Assert.Equal(stored, IdempotencyRules.IsStored(status));

    [Theory]
    [InlineData("GET", false)]
    [InlineData("HEAD", false)]
    [InlineData("POST", true)]
    [InlineData("PUT", true)]
    [InlineData("PATCH", true)]
    [InlineData("DELETE", true)]
    public void Keys_apply_to_unsafe_methods_only(string method, bool applies) => Assert.Equal(applies, IdempotencyRules.AppliesTo(method));

    [Fact]
    public async Task The_fingerprint_changes_with_method_path_query_or_body_and_only_with_them()
    {
        static Task<byte[]> Of(string method, string path, string body) =>
            IdempotencyRules.FingerprintAsync(method, path, new MemoryStream(Encoding.UTF8.GetBytes(body)), CancellationToken.None);

        var original = await Of("POST", "/api/producers", "{\"a\":1}");
        Assert.Equal(original, await Of("post", "/api/producers", "{\"a\":1}"));
        Assert.NotEqual(original, await Of("PUT", "/api/producers", "{\"a\":1}"));
        Assert.NotEqual(original, await Of("POST", "/api/producers?dryRun=true", "{\"a\":1}"));
        Assert.NotEqual(original, await Of("POST", "/api/producers", "{\"a\":2}"));
        Assert.Equal(32, original.Length);
    }

    [Fact]
    public void The_lock_of_a_key_differs_by_tenant_user_and_key()
    {
        var (tenant, user) = (Guid.NewGuid(), Guid.NewGuid());
        var keys = new[]
        {
            IdempotencyRules.LockKeys(tenant, user, "k"), IdempotencyRules.LockKeys(null, user, "k"),
            IdempotencyRules.LockKeys(tenant, Guid.NewGuid(), "k"), IdempotencyRules.LockKeys(tenant, user, "k2"),
        };
        Assert.Equal(keys.Length, keys.Distinct().Count());
        Assert.Equal(keys[0], IdempotencyRules.LockKeys(tenant, user, "k"));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("*", true)]
    [InlineData("\"42\"", true)]
    [InlineData("\"41\", \"42\"", true)]
    [InlineData("\"41\"", false)]
    [InlineData("W/\"42\"", false)]
    [InlineData("42", false)]
    public void If_Match_allows_absent_star_or_the_current_strong_tag(string? ifMatch, bool allowed)
    {
        var context = new DefaultHttpContext();
        if (ifMatch is not null) context.Request.Headers.IfMatch = ifMatch;
        Assert.Equal(allowed, Preconditions.IfMatchAllows(context.Request, "42"));
    }

    [Fact]
    public void The_ETag_is_the_quoted_version_and_412_names_the_current_version()
    {
        var context = new DefaultHttpContext();
        context.Response.SetETag(Preconditions.Version(4_000_000_000u));
        Assert.Equal("\"4000000000\"", context.Response.Headers.ETag.ToString());

        var failed = Preconditions.Failed("43");
        Assert.Equal(StatusCodes.Status412PreconditionFailed, failed.StatusCode);
        Assert.Equal("43", failed.ProblemDetails.Extensions["currentVersion"]);
    }
}
