using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RedesPlataforma.BuildingBlocks.Idempotency;
using RedesPlataforma.Networks.Producers;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Networks.FunctionalTests;

/// <summary>Idempotency-Key as the offline queue uses it: a write sent again is applied once and answered the same.</summary>
[Collection(NetworksHost.Name)]
public sealed class IdempotencyTests(NetworksApp app)
{
    [Fact]
    public async Task Replaying_a_key_returns_the_stored_response_and_registers_the_producer_once()
    {
        var tenant = await app.OnboardAsync();
        var key = Guid.NewGuid().ToString();
        var request = ProducerScenario.Request();

        var first = await PostAsync(tenant.Admin, "/api/producers", request, key);
        var second = await PostAsync(tenant.Admin, "/api/producers", request, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains(IdempotencyRules.ReplayedHeader));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal("true", Assert.Single(second.Headers.GetValues(IdempotencyRules.ReplayedHeader)));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(first.Content.Headers.ContentType, second.Content.Headers.ContentType);
        Assert.Equal(1, await ProducersWithDniAsync(tenant.Id, request.Dni));
        Assert.Equal(1, await app.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE tenant_id = @tenant AND message_type LIKE '%ProducerRegistered%'", tenant.Id));
    }

    [Fact]
    public async Task The_same_key_with_another_body_or_path_is_refused_with_422_and_changes_nothing()
    {
        var tenant = await app.OnboardAsync();
        var key = Guid.NewGuid().ToString();
        var request = ProducerScenario.Request();
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(tenant.Admin, "/api/producers", request, key)).StatusCode);

        var other = ProducerScenario.Request();
        var refused = await PostAsync(tenant.Admin, "/api/producers", other, key);
        await refused.ShouldBeAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(IdempotencyRules.KeyHeader, JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("header").GetString());
        await (await PostAsync(tenant.Admin, "/api/producers?x=1", request, key)).ShouldBeAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(0, await ProducersWithDniAsync(tenant.Id, other.Dni));
    }

    [Fact]
    public async Task Concurrent_requests_with_the_same_key_apply_it_exactly_once()
    {
        var tenant = await app.OnboardAsync();
        var key = Guid.NewGuid().ToString();
        var request = ProducerScenario.Request();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(tenant.Admin, "/api/producers", request, key)));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created && !r.Headers.Contains(IdempotencyRules.ReplayedHeader));
        Assert.All(responses.Where(r => r.StatusCode == HttpStatusCode.Conflict), r => Assert.Equal("1", r.Headers.RetryAfter?.ToString()));
        Assert.Equal(1, await ProducersWithDniAsync(tenant.Id, request.Dni));
    }

    [Fact]
    public async Task A_key_whose_first_request_is_still_running_answers_409_with_Retry_After_then_runs_once_free()
    {
        var tenant = await app.OnboardAsync();
        var key = Guid.NewGuid().ToString();
        var request = ProducerScenario.Request();
        // Hold the key's lock as a running first request would.
        var (classId, objectId) = IdempotencyRules.LockKeys(tenant.Id, tenant.Tenant.AdminId, key);
        await using (var connection = new NpgsqlConnection(app.Database.OwnerConnectionString))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var lockKey = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@a, @b)", connection, transaction);
            lockKey.Parameters.AddWithValue("a", classId);
            lockKey.Parameters.AddWithValue("b", objectId);
            await lockKey.ExecuteNonQueryAsync();

            var busy = await PostAsync(tenant.Admin, "/api/producers", request, key);
            await busy.ShouldBeAsync(HttpStatusCode.Conflict);
            Assert.Equal("1", busy.Headers.RetryAfter?.ToString());
            Assert.Equal(0, await ProducersWithDniAsync(tenant.Id, request.Dni));
        }

        await (await PostAsync(tenant.Admin, "/api/producers", request, key)).ShouldBeAsync(HttpStatusCode.Created);
        Assert.Equal(1, await ProducersWithDniAsync(tenant.Id, request.Dni));
    }

    [Fact]
    public async Task A_key_is_kept_per_user_so_another_user_with_the_same_key_makes_a_request_of_their_own()
    {
        var tenant = await app.OnboardAsync();
        var other = await app.StaffAsync(tenant);
        var key = Guid.NewGuid().ToString();
        var mine = ProducerScenario.Request();
        var theirs = ProducerScenario.Request();

        await (await PostAsync(tenant.Admin, "/api/producers", mine, key)).ShouldBeAsync(HttpStatusCode.Created);
        var response = await PostAsync(other.Client, "/api/producers", theirs, key);

        await response.ShouldBeAsync(HttpStatusCode.Created);
        Assert.False(response.Headers.Contains(IdempotencyRules.ReplayedHeader));
        Assert.Equal(1, await ProducersWithDniAsync(tenant.Id, mine.Dni));
        Assert.Equal(1, await ProducersWithDniAsync(tenant.Id, theirs.Dni));
    }

    [Fact]
    public async Task A_refusal_about_the_request_is_stored_and_replayed_too()
    {
        var tenant = await app.OnboardAsync();
        var key = Guid.NewGuid().ToString();
        var invalid = ProducerScenario.Request() with { BirthYear = 1900 };

        await (await PostAsync(tenant.Admin, "/api/producers", invalid, key)).ShouldBeAsync(HttpStatusCode.BadRequest, "birthYear");
        var replay = await PostAsync(tenant.Admin, "/api/producers", invalid, key);

        await replay.ShouldBeAsync(HttpStatusCode.BadRequest, "birthYear");
        Assert.True(replay.Headers.Contains(IdempotencyRules.ReplayedHeader));
    }

    [Theory]
    [InlineData("con espacio")]
    [InlineData("ñandú")]
    public async Task A_malformed_key_is_refused_with_400_naming_the_header(string key)
    {
        var tenant = await app.OnboardAsync();
        var request = ProducerScenario.Request();
        var response = await PostAsync(tenant.Admin, "/api/producers", request, key);

        await response.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Contains(IdempotencyRules.KeyHeader, await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await ProducersWithDniAsync(tenant.Id, request.Dni));
    }

    [Fact]
    public async Task A_key_of_101_characters_is_refused()
    {
        var tenant = await app.OnboardAsync();
        await (await PostAsync(tenant.Admin, "/api/producers", ProducerScenario.Request(), new string('k', 101))).ShouldBeAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Expired_records_are_purged_for_every_tenant_and_live_ones_kept()
    {
        var a = await app.OnboardAsync();
        var b = await app.OnboardAsync();
        await (await PostAsync(a.Admin, "/api/producers", ProducerScenario.Request(), "old-a")).ShouldBeAsync(HttpStatusCode.Created);
        await (await PostAsync(b.Admin, "/api/producers", ProducerScenario.Request(), "old-b")).ShouldBeAsync(HttpStatusCode.Created);
        await (await PostAsync(a.Admin, "/api/producers", ProducerScenario.Request(), "live-a")).ShouldBeAsync(HttpStatusCode.Created);
        foreach (var (tenant, key) in new[] { (a.Id, "old-a"), (b.Id, "old-b") })
            Assert.Equal(1, await app.CountAsync($"WITH u AS (UPDATE idempotency_records SET expires_at = now() - interval '1 minute' WHERE tenant_id = @tenant AND key = '{key}' RETURNING 1) SELECT count(*) FROM u", tenant));

        await app.Services.GetRequiredService<IdempotencyRetention>().PurgeAsync(CancellationToken.None);

        Assert.Equal(1, await app.CountAsync("SELECT count(*) FROM idempotency_records WHERE tenant_id = @tenant", a.Id));
        Assert.Equal(0, await app.CountAsync("SELECT count(*) FROM idempotency_records WHERE tenant_id = @tenant", b.Id));
    }

    [Fact]
    public async Task One_tenant_cannot_see_another_tenants_idempotency_records()
    {
        var a = await app.OnboardAsync();
        var b = await app.OnboardAsync();
        await (await PostAsync(a.Admin, "/api/producers", ProducerScenario.Request(), Guid.NewGuid().ToString())).ShouldBeAsync(HttpStatusCode.Created);

        await using var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT set_config('app.tenant_id', @b, false); SELECT count(*) FROM idempotency_records WHERE tenant_id = @a", connection);
        command.Parameters.AddWithValue("a", a.Id);
        command.Parameters.AddWithValue("b", b.Id.ToString());
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        Assert.Equal(0, reader.GetInt64(0));
    }

    static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body, string key)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: Json.Options) };
        message.Headers.TryAddWithoutValidation(IdempotencyRules.KeyHeader, key);
        return client.SendAsync(message);
    }

    Task<long> ProducersWithDniAsync(Guid tenantId, string dni) =>
        app.CountAsync($"SELECT count(*) FROM producers WHERE tenant_id = @tenant AND dni = '{dni}'", tenantId);
}
