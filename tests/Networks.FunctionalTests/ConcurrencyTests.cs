using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.Networks.BusinessNetworks;
using RedesPlataforma.Networks.Monitoring;
using RedesPlataforma.Networks.Producers;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Networks.FunctionalTests;

/// <summary>ETag and If-Match on what is edited offline: a stale edit is refused with 412, never applied over a newer one.</summary>
[Collection(NetworksHost.Name)]
public sealed class ConcurrencyTests(NetworksApp app)
{
    [Fact]
    public async Task A_producer_answers_its_version_as_ETag_and_a_stale_If_Match_gets_412_leaving_it_unchanged()
    {
        var tenant = await app.OnboardAsync();
        var created = await tenant.Admin.RegisterAsync(ProducerScenario.Request());
        var read = await tenant.Admin.GetAsync($"/api/producers/{created.Id}");
        var original = await read.ReadAsync<ProducerDto>();
        Assert.Equal(Tag(original.Version), read.Headers.ETag);
        Assert.Equal(original.Version, Assert.Single((await tenant.Admin.PageAsync<ProducerSummary>("/api/producers")).Items).Version);

        var fresh = await PutAsync(tenant.Admin, $"/api/producers/{created.Id}", Edit(original, "Rosa"), original.Version);
        await fresh.ShouldBeAsync(HttpStatusCode.OK);
        var updated = await fresh.ReadAsync<ProducerDto>();
        Assert.NotEqual(original.Version, updated.Version);
        Assert.Equal(Tag(updated.Version), fresh.Headers.ETag);

        var stale = await PutAsync(tenant.Admin, $"/api/producers/{created.Id}", Edit(original, "Juana"), original.Version);
        await stale.ShouldBeAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(updated.Version, CurrentVersion(await stale.Content.ReadAsStringAsync()));
        var after = await (await tenant.Admin.GetAsync($"/api/producers/{created.Id}")).ReadAsync<ProducerDto>();
        Assert.Equal(("Rosa", updated.Version), (after.FirstNames, after.Version));
    }

    [Fact]
    public async Task If_Match_star_or_no_If_Match_writes_unconditionally_and_a_weak_or_malformed_tag_never_matches()
    {
        var tenant = await app.OnboardAsync();
        var producer = await tenant.Admin.RegisterAsync(ProducerScenario.Request());
        var url = $"/api/producers/{producer.Id}";

        await (await PutAsync(tenant.Admin, url, Edit(producer, "Uno"), "*")).ShouldBeAsync(HttpStatusCode.OK);
        await (await tenant.Admin.PutAsJsonAsync(url, Edit(producer, "Dos"), Json.Options)).ShouldBeAsync(HttpStatusCode.OK);
        var current = await (await tenant.Admin.GetAsync(url)).ReadAsync<ProducerDto>();

        var weak = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(Edit(producer, "Tres"), options: Json.Options) };
        weak.Headers.IfMatch.Add(new EntityTagHeaderValue(Tag(current.Version).Tag, isWeak: true));
        await (await tenant.Admin.SendAsync(weak)).ShouldBeAsync(HttpStatusCode.PreconditionFailed);
        var malformed = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(Edit(producer, "Tres"), options: Json.Options) };
        malformed.Headers.TryAddWithoutValidation("If-Match", current.Version);
        await (await tenant.Admin.SendAsync(malformed)).ShouldBeAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("Dos", (await (await tenant.Admin.GetAsync(url)).ReadAsync<ProducerDto>()).FirstNames);
    }

    [Fact]
    public async Task A_write_that_commits_between_the_If_Match_check_and_the_save_ends_in_412_not_a_lost_update()
    {
        var tenant = await app.OnboardAsync();
        var producer = await tenant.Admin.RegisterAsync(ProducerScenario.Request());

        // Another writer changes the row and holds it uncommitted: the PUT passes its If-Match check with the committed
        // version, then waits on the row in its UPDATE; when the other writer commits, the version no longer matches.
        await using var other = new NpgsqlConnection(app.Database.OwnerConnectionString);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var update = new NpgsqlCommand(
            "SELECT set_config('app.tenant_id', @tenant, true); UPDATE producers SET phone = '999 999 999' WHERE id = @id", other, transaction))
        {
            update.Parameters.AddWithValue("tenant", tenant.Id.ToString());
            update.Parameters.AddWithValue("id", producer.Id);
            await update.ExecuteNonQueryAsync();
        }
        await using var xid = new NpgsqlCommand("SELECT pg_current_xact_id()::text", other, transaction);
        var otherTransaction = (string)(await xid.ExecuteScalarAsync())!;
        var put = PutAsync(tenant.Admin, $"/api/producers/{producer.Id}", Edit(producer, "Carrera"), producer.Version);
        await WaitUntilSomeoneWaitsForAsync(otherTransaction);
        await transaction.CommitAsync();

        var response = await put;
        await response.ShouldBeAsync(HttpStatusCode.PreconditionFailed);
        var after = await (await tenant.Admin.GetAsync($"/api/producers/{producer.Id}")).ReadAsync<ProducerDto>();
        Assert.Equal(("María", "999 999 999"), (after.FirstNames, after.Phone));
        Assert.Equal(after.Version, CurrentVersion(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_network_carries_its_version_and_a_stale_If_Match_gets_412_while_a_fresh_one_updates_it()
    {
        var tenant = await app.OnboardAsync();
        var (specialist, network) = await app.SpecialistWithNetworkAsync(tenant);
        var read = await specialist.Client.GetAsync($"/api/networks/{network.Id}");
        var details = await read.ReadAsync<NetworkDetails>();
        Assert.Equal(Tag(details.Version), read.Headers.ETag);
        Assert.Equal(details.Version, Assert.Single((await specialist.Client.PageAsync<NetworkSummary>("/api/networks")).Items).Version);

        var fresh = await PutAsync(specialist.Client, $"/api/networks/{network.Id}", new UpdateNetworkRequest("Red renombrada", LegalForm.Association, null), details.Version);
        await fresh.ShouldBeAsync(HttpStatusCode.OK);
        var renamed = await fresh.ReadAsync<NetworkDetails>();
        Assert.Equal(Tag(renamed.Version), fresh.Headers.ETag);

        var stale = await PutAsync(specialist.Client, $"/api/networks/{network.Id}", new UpdateNetworkRequest("Otro nombre", LegalForm.Association, null), details.Version);
        await stale.ShouldBeAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(renamed.Version, CurrentVersion(await stale.Content.ReadAsStringAsync()));
        Assert.Equal("Red renombrada", (await (await specialist.Client.GetAsync($"/api/networks/{network.Id}")).ReadAsync<NetworkDetails>()).Name);
    }

    [Fact]
    public async Task A_monitoring_record_is_read_by_period_with_its_ETag_and_a_stale_correction_gets_412()
    {
        var tenant = await app.OnboardAsync();
        var (specialist, network) = await app.SpecialistWithNetworkAsync(tenant);
        var url = $"/api/networks/{network.Id}/monitoring";
        await (await specialist.Client.PostAsJsonAsync(url, Record(new DateOnly(2025, 3, 5), 400m))).ShouldBeAsync(HttpStatusCode.Created);

        var read = await specialist.Client.GetAsync($"{url}/2025-03-01");
        var record = await read.ReadAsync<MonitoringRecordDto>();
        Assert.Equal((new DateOnly(2025, 3, 1), 400m), (record.Period, record.AverageMemberNetIncomePen));
        Assert.Equal(Tag(record.Version), read.Headers.ETag);
        Assert.Equal(record.Version, Assert.Single((await (await specialist.Client.GetAsync(url)).ReadAsync<MonitoringOverview>()).Records).Version);
        await (await specialist.Client.GetAsync($"{url}/2025-04-01")).ShouldBeAsync(HttpStatusCode.NotFound);

        var fresh = await PutAsync(specialist.Client, $"{url}/2025-03-01", Record(new DateOnly(2025, 3, 1), 410m), record.Version);
        await fresh.ShouldBeAsync(HttpStatusCode.OK);
        var corrected = await fresh.ReadAsync<MonitoringRecordDto>();
        Assert.NotEqual(record.Version, corrected.Version);
        Assert.Equal(Tag(corrected.Version), fresh.Headers.ETag);

        var stale = await PutAsync(specialist.Client, $"{url}/2025-03-01", Record(new DateOnly(2025, 3, 1), 999m), record.Version);
        await stale.ShouldBeAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(corrected.Version, CurrentVersion(await stale.Content.ReadAsStringAsync()));
        Assert.Equal(410m, (await (await specialist.Client.GetAsync($"{url}/2025-03-01")).ReadAsync<MonitoringRecordDto>()).AverageMemberNetIncomePen);
    }

    static EntityTagHeaderValue Tag(string version) => new($"\"{version}\"");

    static string? CurrentVersion(string problem) => JsonDocument.Parse(problem).RootElement.GetProperty("currentVersion").GetString();

    static ProducerRequest Edit(ProducerDto producer, string firstNames) => new(
        producer.Dni!, firstNames, producer.LastNames, producer.Gender, producer.BirthYear, producer.DistrictCode, null, producer.Phone, true, producer.ConsentDate);

    static MonitoringRequest Record(DateOnly period, decimal income) => new(period, 12_500m, 850m, "kg", 3.25m, "kg/cuy", [], [], income);

    static Task<HttpResponseMessage> PutAsync(HttpClient client, string url, object body, string ifMatch)
    {
        var message = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, body.GetType(), options: Json.Options) };
        message.Headers.TryAddWithoutValidation("If-Match", ifMatch == "*" ? "*" : $"\"{ifMatch}\"");
        return client.SendAsync(message);
    }

    /// <summary>Until a session waits for <paramref name="transactionId"/> to end (as a row lock's waiter does); pg_locks shows every role's waits.</summary>
    async Task WaitUntilSomeoneWaitsForAsync(string transactionId)
    {
        await using var connection = new NpgsqlConnection(app.Database.OwnerConnectionString);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'transactionid' AND transactionid::text = @xid AND NOT granted", connection);
            command.Parameters.AddWithValue("xid", transactionId);
            if ((long)(await command.ExecuteScalarAsync())! > 0) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The PUT never waited on the producer's row.");
            await Task.Delay(50);
        }
    }
}
