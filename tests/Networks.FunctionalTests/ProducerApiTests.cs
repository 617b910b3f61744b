using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.Contracts.Networks;
using RedesPlataforma.Networks.BusinessNetworks;
using RedesPlataforma.Networks.Infrastructure;
using RedesPlataforma.Networks.Producers;
using RedesPlataforma.Networks.Specialists;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Networks.FunctionalTests;

[Collection(NetworksHost.Name)]
public sealed class ProducerApiTests(NetworksApp app)
{
    [Fact]
    public async Task A_specialist_registers_a_producer_and_reads_it_back_with_its_district_region_and_registrar()
    {
        var tenant = await app.Tenants.OnboardAsync();
        var (specialistId, specialist) = await ProducerScenario.StaffClientAsync(app, tenant, "Specialist");
        var dni = ProducerScenario.NewDni();

        var created = await specialist.PostAsJsonAsync("/api/producers",
            ProducerScenario.Request(dni: $"{dni}-{Dni(dni)}") with { FirstNames = "  Rosa   María ", Phone = "+51 984 123 456" }, Json.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var producer = await created.ReadAsync<ProducerDto>();
        Assert.Equal($"/api/producers/{producer.Id}", created.Headers.Location?.OriginalString);

        var read = await (await specialist.GetAsync($"/api/producers/{producer.Id}")).ReadAsync<ProducerDto>();
        Assert.Equal(dni, read.Dni);
        Assert.Equal("Rosa María", read.FirstNames);
        Assert.Equal(("080101", "Cusco", "PE-CUS"), (read.DistrictCode, read.DistrictName, read.RegionCode));
        Assert.Equal(specialistId, read.RegisteredBy);
        Assert.True(read.IsActive && read.ConsentGiven);
        Assert.Equal(new DateOnly(2025, 1, 15), read.ConsentDate);
    }

    [Fact]
    public async Task A_RENIEC_district_code_is_accepted_and_stored_as_the_INEI_code()
    {
        var admin = await ProducerScenario.AdminClientAsync(app);

        var callao = await admin.RegisterAsync(ProducerScenario.Request(district: "240101") with { DistrictCoding = UbigeoCoding.Reniec });
        Assert.Equal(("070101", "PE-CAL"), (callao.DistrictCode, callao.RegionCode));

        // 240101 is also INEI's Tumbes: without saying which numbering, INEI's reading wins.
        var tumbes = await admin.RegisterAsync(ProducerScenario.Request(district: "240101"));
        Assert.Equal(("240101", "PE-TUM"), (tumbes.DistrictCode, tumbes.RegionCode));

        // 010404 exists only in RENIEC's numbering (Colcamar, Amazonas; INEI 010504).
        var colcamar = await admin.RegisterAsync(ProducerScenario.Request(district: "010404"));
        Assert.Equal(("010504", "PE-AMA"), (colcamar.DistrictCode, colcamar.RegionCode));
    }

    [Fact]
    public async Task Invalid_producer_data_is_refused_with_400_naming_each_field()
    {
        var admin = await ProducerScenario.AdminClientAsync(app);
        var tooYoung = DateTime.UtcNow.Year - 14;

        async Task<string[]> FieldsOf(object request)
        {
            var response = await admin.PostAsJsonAsync("/api/producers", request, Json.Options);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return [.. problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name)];
        }

        Assert.Contains("dni", await FieldsOf(ProducerScenario.Request(dni: "1234567")), StringComparer.OrdinalIgnoreCase);
        Assert.Contains("dni", await FieldsOf(ProducerScenario.Request(dni: "12345678-0")), StringComparer.OrdinalIgnoreCase); // wrong check character (the card shows 1 or E)
        Assert.Contains("birthYear", await FieldsOf(ProducerScenario.Request() with { BirthYear = 1919 }));
        Assert.Contains("birthYear", await FieldsOf(ProducerScenario.Request() with { BirthYear = tooYoung }));
        Assert.Contains("gender", await FieldsOf(ProducerScenario.Request() with { Gender = null }), StringComparer.OrdinalIgnoreCase);
        Assert.Contains("districtCode", await FieldsOf(ProducerScenario.Request(district: "999999")), StringComparer.OrdinalIgnoreCase);
        Assert.Contains("phone", await FieldsOf(ProducerScenario.Request() with { Phone = "llamar al tambo" }), StringComparer.OrdinalIgnoreCase);
        Assert.Contains("consentDate", await FieldsOf(ProducerScenario.Request() with { ConsentDate = null }));
        Assert.Contains("consentDate", await FieldsOf(ProducerScenario.Request() with { ConsentDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2)) }));
        Assert.Contains("lastNames", await FieldsOf(ProducerScenario.Request() with { LastNames = "   " }), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(0, (await admin.PageAsync<ProducerSummary>("/api/producers")).TotalCount);
    }

    [Fact]
    public async Task Registering_a_producer_without_consent_is_refused_with_422()
    {
        var admin = await ProducerScenario.AdminClientAsync(app);
        var response = await admin.PostAsJsonAsync("/api/producers", ProducerScenario.Request() with { ConsentGiven = false }, Json.Options);
        await ProducerScenario.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "consentGiven");
    }

    [Fact]
    public async Task A_DNI_already_registered_in_the_tenant_is_refused_with_409_naming_dni_on_register_and_update()
    {
        var admin = await ProducerScenario.AdminClientAsync(app);
        var first = await admin.RegisterAsync(ProducerScenario.Request());
        var second = await admin.RegisterAsync(ProducerScenario.Request());

        await ProducerScenario.AssertProblemAsync(await admin.PostAsJsonAsync("/api/producers", ProducerScenario.Request(dni: first.Dni), Json.Options),
            HttpStatusCode.Conflict, "dni");
        await ProducerScenario.AssertProblemAsync(await admin.PutAsJsonAsync($"/api/producers/{second.Id}", ProducerScenario.Request(dni: first.Dni), Json.Options),
            HttpStatusCode.Conflict, "dni");
    }

    [Fact]
    public async Task Updating_a_producer_replaces_its_data_and_queues_ProducerChanged()
    {
        var admin = await ProducerScenario.AdminClientAsync(app);
        var producer = await admin.RegisterAsync(ProducerScenario.Request());

        var updated = await (await admin.PutAsJsonAsync($"/api/producers/{producer.Id}", ProducerScenario.Request(dni: producer.Dni, district: "210101") with
        {
            FirstNames = "Juana", Gender = Gender.Female, BirthYear = 1975, Phone = null,
        }, Json.Options)).ReadAsync<ProducerDto>();

        Assert.Equal(("Juana", 1975, "210101", "PE-PUN", (string?)null), (updated.FirstNames, updated.BirthYear, updated.DistrictCode, updated.RegionCode, updated.Phone));
        Assert.Equal(
            [typeof(ProducerRegistered).FullName!, typeof(ProducerChanged).FullName!],
            (await ProducerScenario.OutboxAsync(app, producer.Id)).Select(m => m.Type.Split(',')[0]));
    }

    [Fact]
    public async Task A_specialist_cannot_change_a_producer_registered_by_another_specialist_but_a_supervisor_can()
    {
        var tenant = await app.Tenants.OnboardAsync();
        var (_, owner) = await ProducerScenario.StaffClientAsync(app, tenant, "Specialist");
        var (_, other) = await ProducerScenario.StaffClientAsync(app, tenant, "Specialist");
        var (_, supervisor) = await ProducerScenario.StaffClientAsync(app, tenant, "Supervisor");
        var producer = await owner.RegisterAsync(ProducerScenario.Request());
        var change = ProducerScenario.Request(dni: producer.Dni) with { FirstNames = "Cambiado" };

        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/api/producers/{producer.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync($"/api/producers/{producer.Id}", change, Json.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync($"/api/producers/{producer.Id}/deactivate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/producers/{producer.Id}/incomes", ProducerScenario.Income(IncomeKind.Baseline, 1000m), Json.Options)).StatusCode);

        Assert.Equal("Cambiado", (await (await supervisor.PutAsJsonAsync($"/api/producers/{producer.Id}", change, Json.Options)).ReadAsync<ProducerDto>()).FirstNames);
        Assert.False((await (await supervisor.PostAsync($"/api/producers/{producer.Id}/deactivate", null)).ReadAsync<ProducerDto>()).IsActive);
        Assert.True((await (await owner.PostAsync($"/api/producers/{producer.Id}/reactivate", null)).ReadAsync<ProducerDto>()).IsActive);
    }

    [Fact]
    public async Task A_viewer_reads_producers_but_cannot_register_import_or_export_them()
    {
        var tenant = await app.Tenants.OnboardAsync();
        var admin = await app.ClientForAsync(tenant.AdminEmail, Scenario.Password);
        var (_, viewer) = await ProducerScenario.StaffClientAsync(app, tenant, "Viewer");
        var producer = await admin.RegisterAsync(ProducerScenario.Request());

        Assert.Equal(producer.Id, (await (await viewer.GetAsync($"/api/producers/{producer.Id}")).ReadAsync<ProducerDto>()).Id);
        Assert.Equal(1, (await viewer.PageAsync<ProducerSummary>("/api/producers")).TotalCount);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/producers", ProducerScenario.Request(), Json.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.ImportAsync("p.csv", ProducerScenario.Csv(ProducerScenario.CsvRow(ProducerScenario.NewDni())), "dryRun=true")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/producers/export")).StatusCode);
    }

    [Fact]
    public async Task Deactivating_and_reactivating_a_producer_is_reflected_in_the_active_filter_and_publishes_each_change_once()
    {
        var admin = await ProducerScenario.AdminClientAsync(app);
        var producer = await admin.RegisterAsync(ProducerScenario.Request());

        await (await admin.PostAsync($"/api/producers/{producer.Id}/deactivate", null)).ReadAsync<ProducerDto>();
        await (await admin.PostAsync($"/api/producers/{producer.Id}/deactivate", null)).ReadAsync<ProducerDto>(); // already inactive: no new event
        Assert.Equal(0, (await admin.PageAsync<ProducerSummary>("/api/producers?active=true")).TotalCount);
        Assert.Equal(producer.Id, Assert.Single((await admin.PageAsync<ProducerSummary>("/api/producers?active=false")).Items).Id);

        await (await admin.PostAsync($"/api/producers/{producer.Id}/reactivate", null)).ReadAsync<ProducerDto>();
        Assert.Equal(1, (await admin.PageAsync<ProducerSummary>("/api/producers?active=true")).TotalCount);
        var changes = (await ProducerScenario.OutboxAsync(app, producer.Id)).Where(m => m.Type.StartsWith(typeof(ProducerChanged).FullName!)).ToList();
        Assert.Equal([false, true], changes.Select(c => JsonDocument.Parse(c.Body).RootElement.GetProperty("isActive").GetBoolean()));
    }

    [Fact]
    public async Task Income_records_take_soles_with_at_most_two_decimals_and_one_baseline_per_producer()
    {
        var admin = await ProducerScenario.AdminClientAsync(app);
        var producer = await admin.RegisterAsync(ProducerScenario.Request());
        var url = $"/api/producers/{producer.Id}/incomes";

        await ProducerScenario.AssertProblemAsync(await admin.PostAsJsonAsync(url, ProducerScenario.Income(IncomeKind.Baseline, 1200.555m), Json.Options), HttpStatusCode.BadRequest);
        await ProducerScenario.AssertProblemAsync(await admin.PostAsJsonAsync(url, ProducerScenario.Income(IncomeKind.Baseline, -1m), Json.Options), HttpStatusCode.BadRequest);
        await ProducerScenario.AssertProblemAsync(await admin.PostAsJsonAsync(url, new { kind = "Baseline", measuredOn = "2025-03-01" }, Json.Options), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(url, ProducerScenario.Income(IncomeKind.Baseline, 4800.50m, new DateOnly(2024, 3, 1)), Json.Options)).StatusCode);
        await ProducerScenario.AssertProblemAsync(await admin.PostAsJsonAsync(url, ProducerScenario.Income(IncomeKind.Baseline, 10m), Json.Options), HttpStatusCode.Conflict, "kind");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(url, ProducerScenario.Income(IncomeKind.FollowUp, 0m, new DateOnly(2025, 3, 1)), Json.Options)).StatusCode);

        var incomes = await (await admin.GetAsync(url)).ReadAsync<List<IncomeDto>>();
        Assert.Equal([(IncomeKind.Baseline, 4800.50m), (IncomeKind.FollowUp, 0m)], incomes.Select(i => (i.Kind, i.AnnualNetIncomePen)));
    }

    [Fact]
    public async Task An_enum_number_outside_the_contract_is_a_400_problem_naming_the_field_and_nothing_is_stored()
    {
        var admin = await ProducerScenario.AdminClientAsync(app);
        var producer = await admin.RegisterAsync(ProducerScenario.Request());
        var url = $"/api/producers/{producer.Id}/incomes";

        await AssertFieldRefusedAsync(await admin.PostAsJsonAsync(url, new { kind = 999, measuredOn = "2025-03-01", annualNetIncomePen = 10m }), "kind");
        var request = JsonSerializer.SerializeToNode(ProducerScenario.Request(), Json.Options)!;
        request["gender"] = 7;
        request["districtCoding"] = 9;
        var register = await admin.PostAsJsonAsync("/api/producers", request);
        await AssertFieldRefusedAsync(register, "gender");

        Assert.Empty(await (await admin.GetAsync(url)).ReadAsync<List<IncomeDto>>());
        Assert.Equal(1, (await admin.PageAsync<ProducerSummary>("/api/producers")).TotalCount);

        static async Task AssertFieldRefusedAsync(HttpResponseMessage response, string field)
        {
            var body = await response.Content.ReadAsStringAsync();
            await ProducerScenario.AssertProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Contains(JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject(), e => e.Name.Equals(field, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task The_list_pages_in_name_order_searches_by_name_words_or_DNI_and_filters_by_region_district_and_gender()
    {
        var admin = await ProducerScenario.AdminClientAsync(app);
        var rosa = await admin.RegisterAsync(ProducerScenario.Request(district: "080101") with { FirstNames = "Rosa", LastNames = "Quispe Mamani", Gender = Gender.Female });
        var juan = await admin.RegisterAsync(ProducerScenario.Request(district: "080101") with { FirstNames = "Juan", LastNames = "Condori Quispe", Gender = Gender.Male });
        var ana = await admin.RegisterAsync(ProducerScenario.Request(district: "210101") with { FirstNames = "Ana", LastNames = "Apaza 100%_Real", Gender = Gender.Female });

        var firstPage = await admin.PageAsync<ProducerSummary>("/api/producers?pageSize=2");
        Assert.Equal((3, 2, 2), (firstPage.TotalCount, firstPage.TotalPages, firstPage.Items.Count));
        Assert.Equal([ana.Id, juan.Id], firstPage.Items.Select(p => p.Id));
        Assert.Equal([rosa.Id], (await admin.PageAsync<ProducerSummary>("/api/producers?pageSize=2&page=2")).Items.Select(p => p.Id));

        async Task<Guid[]> Ids(string query) => [.. (await admin.PageAsync<ProducerSummary>($"/api/producers?{query}")).Items.Select(p => p.Id)];
        Assert.Equal([juan.Id, rosa.Id], await Ids("search=quispe"));
        Assert.Equal([rosa.Id], await Ids("search=" + Uri.EscapeDataString("mamani ROSA")));
        Assert.Equal([juan.Id], await Ids($"search={juan.Dni}"));
        Assert.Equal([ana.Id], await Ids("search=" + Uri.EscapeDataString("100%_")));
        Assert.Empty(await Ids("search=p_z")); // "_" is a letter to find, not a wildcard (it would match "Apaza")
        Assert.Equal([juan.Id, rosa.Id], await Ids("region=PE-CUS"));
        Assert.Equal([ana.Id], await Ids("district=210101"));
        Assert.Equal([rosa.Id], await Ids("region=PE-CUS&gender=Female"));
    }

    [Fact]
    public async Task Name_search_ignores_accents_and_case_and_follows_a_renamed_producer()
    {
        var tenant = await app.Tenants.OnboardAsync();
        var admin = await app.ClientForAsync(tenant.AdminEmail, Scenario.Password);
        var rosa = await admin.RegisterAsync(ProducerScenario.Request() with { FirstNames = "Rosa", LastNames = "Huamán Ñahui" });
        await admin.RegisterAsync(ProducerScenario.Request() with { FirstNames = "Juan", LastNames = "Condori" });

        async Task<Guid[]> Ids(string search) => [.. (await admin.PageAsync<ProducerSummary>($"/api/producers?search={Uri.EscapeDataString(search)}")).Items.Select(p => p.Id)];
        Assert.Equal([rosa.Id], await Ids("huaman nahui"));
        Assert.Equal([rosa.Id], await Ids("HUAMÁN"));
        Assert.Equal([rosa.Id], await Ids("ñahui rosa"));

        var renamed = ProducerScenario.Request(dni: rosa.Dni) with { FirstNames = "Rosa", LastNames = "Quispe" };
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/producers/{rosa.Id}", renamed, Json.Options)).StatusCode);
        Assert.Empty(await Ids("huaman"));
        Assert.Equal([rosa.Id], await Ids("quispe"));
    }

    [Fact]
    public async Task The_network_and_chain_filters_look_at_current_memberships_only()
    {
        var tenant = await app.Tenants.OnboardAsync();
        var admin = await app.ClientForAsync(tenant.AdminEmail, Scenario.Password);
        var member = await admin.RegisterAsync(ProducerScenario.Request());
        var former = await admin.RegisterAsync(ProducerScenario.Request());
        var outsider = await admin.RegisterAsync(ProducerScenario.Request());
        var networkId = await ProducerScenario.SeedNetworkAsync(app, tenant.TenantId, "quinoa", current: member.Id, left: former.Id);

        async Task<Guid[]> Ids(string query) => [.. (await admin.PageAsync<ProducerSummary>($"/api/producers?{query}")).Items.Select(p => p.Id)];
        Assert.Equal([member.Id], await Ids($"network={networkId}"));
        Assert.Equal([member.Id], await Ids("chain=quinoa"));
        Assert.Empty(await Ids("chain=cuy"));
        Assert.Equal(3, (await admin.PageAsync<ProducerSummary>("/api/producers")).TotalCount);
        Assert.DoesNotContain(outsider.Id, await Ids("chain=quinoa"));
    }

    [Fact]
    public async Task Registering_a_producer_delivers_one_ProducerRegistered_with_the_tenant_header()
    {
        await using var probe = await EventProbe.StartAsync(app.Tenants.Broker, typeof(ProducerRegistered));
        var tenant = await app.Tenants.OnboardAsync();
        var admin = await app.ClientForAsync(tenant.AdminEmail, Scenario.Password);
        var producer = await admin.RegisterAsync(ProducerScenario.Request(district: "240101") with { DistrictCoding = UbigeoCoding.Reniec, Gender = Gender.Female, BirthYear = 1970 });

        await probe.WaitUntilAsync(p => p.Of<ProducerRegistered>().Any(m => m.Message.ProducerId == producer.Id), TimeSpan.FromSeconds(30), "ProducerRegistered");
        await Task.Delay(1000); // a duplicate would arrive right behind
        var (envelope, message) = Assert.Single(probe.Of<ProducerRegistered>(), m => m.Message.ProducerId == producer.Id);
        Assert.Equal(tenant.TenantId.ToString(), envelope.TenantHeader);
        Assert.Equal((tenant.TenantId, "PE-CAL", "070101", "Female", 1970), (message.TenantId, message.RegionCode, message.DistrictCode, message.Gender, message.BirthYear));
    }

    private static char Dni(string digits) => RedesPlataforma.BuildingBlocks.Peru.Dni.CheckCharacter(digits).Digit;
}

public sealed record OutboxRow(string Type, string Body, Guid? TenantId, string AggregateId);

/// <summary>The steps the producer tests start from, through the public API unless said otherwise.</summary>
public static class ProducerScenario
{
    private static int _dniCounter = Random.Shared.Next(0, 1_000_000);

    /// <summary>A DNI no other test uses (tests share a fixture's database only within a tenant).</summary>
    public static string NewDni() => (40_000_000 + Interlocked.Increment(ref _dniCounter) * 37 % 50_000_000).ToString("D8");

    public static ProducerRequest Request(string? dni = null, string district = "080101") => new(
        dni ?? NewDni(), "María", "Quispe Huamán", Gender.Female, 1982, district, null, "984 123 456", true, new DateOnly(2025, 1, 15));

    public static IncomeRequest Income(IncomeKind kind, decimal amount, DateOnly? on = null) => new(kind, on ?? new DateOnly(2025, 2, 1), amount);

    public static async Task<HttpClient> AdminClientAsync(NetworksApp app)
    {
        var tenant = await app.Tenants.OnboardAsync();
        return await app.ClientForAsync(tenant.AdminEmail, Scenario.Password);
    }

    public static async Task<(Guid Id, HttpClient Client)> StaffClientAsync(NetworksApp app, OnboardedTenant tenant, string role)
    {
        var staff = await tenant.CreateStaffAsync(role);
        return (staff.Id, await app.ClientForAsync(staff.Email, staff.Password));
    }

    public static async Task<ProducerDto> RegisterAsync(this HttpClient client, ProducerRequest request) =>
        await (await client.PostAsJsonAsync("/api/producers", request, Json.Options)).ReadAsync<ProducerDto>();

    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null) Assert.Equal(field, JsonDocument.Parse(body).RootElement.GetProperty("field").GetString());
    }

    public const string CsvHeader = "dni,first_names,last_names,gender,birth_year,ubigeo,phone,consent,consent_date";

    public static string CsvRow(string dni, string ubigeo = "080101", string gender = "F", string birthYear = "1980", string consent = "si",
        string consentDate = "2025-01-10", string firstNames = "Rosa", string lastNames = "Quispe Mamani", string phone = "984111222") =>
        $"{dni},{firstNames},{lastNames},{gender},{birthYear},{ubigeo},{phone},{consent},{consentDate}";

    public static byte[] Csv(params string[] rows) => System.Text.Encoding.UTF8.GetBytes(string.Join("\n", [CsvHeader, .. rows]) + "\n");

    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, string fileName, byte[] content, string query = "", string? contentType = null)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? (fileName.EndsWith(".xlsx") ? RedesPlataforma.Networks.Producers.Import.ImportRowSource.XlsxContentType : "text/csv"));
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        return client.PostAsync($"/api/producers/import?{query}", form);
    }

    /// <summary>The producer's outbox rows in the order they were written, read as the owner (the outbox is not tenant-owned).</summary>
    public static Task<List<OutboxRow>> OutboxAsync(NetworksApp app, Guid aggregateId) =>
        OutboxWhereAsync(app, "aggregate_id = @value", aggregateId.ToString());

    /// <summary>The tenant's queued messages of one type, in queue order.</summary>
    public static Task<List<OutboxRow>> OutboxOfTypeAsync(NetworksApp app, Guid tenantId, Type messageType) =>
        OutboxWhereAsync(app, $"tenant_id = '{tenantId}' AND message_type = @value", $"{messageType.FullName}, {messageType.Assembly.GetName().Name}");

    private static async Task<List<OutboxRow>> OutboxWhereAsync(NetworksApp app, string condition, string value)
    {
        await using var connection = new NpgsqlConnection(app.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT message_type, body::text, tenant_id, aggregate_id FROM outbox_messages WHERE {condition} ORDER BY sequence", connection);
        command.Parameters.AddWithValue("value", value);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<OutboxRow>();
        while (await reader.ReadAsync())
            rows.Add(new OutboxRow(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetGuid(2), reader.GetString(3)));
        return rows;
    }

    public static async Task<long> ScalarAsync(NetworksApp app, string sql, Guid tenantId)
    {
        await using var connection = new NpgsqlConnection(app.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("tenant", tenantId);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>
    /// A network of the chain with one current and one former member, written straight into the tenant's database
    /// (the networks API is another feature's); a specialist row stands in for the staff projection.
    /// </summary>
    public static async Task<Guid> SeedNetworkAsync(NetworksApp app, Guid tenantId, string chain, Guid current, Guid left)
    {
        await using var scope = TenantScope.Begin(app.Services, new TenantInfo(tenantId, "t", "t"));
        var db = scope.Services.GetRequiredService<NetworksDb>();
        var specialist = new Specialist { Id = Guid.CreateVersion7(), FullName = "Especialista de prueba", Roles = ["Specialist"], LastEventAt = DateTimeOffset.UtcNow };
        var network = new BusinessNetwork
        {
            Name = Scenario.Unique("Red"), ValueChainCode = chain, RegionCode = "PE-CUS", SpecialistId = specialist.Id,
            FormedOn = new DateOnly(2025, 1, 10), LeaderProducerId = current,
        };
        network.Memberships.Add(new Membership { ProducerId = current, JoinedOn = network.FormedOn });
        network.Memberships.Add(new Membership { ProducerId = left, JoinedOn = network.FormedOn, LeftOn = new DateOnly(2025, 2, 1), LeftReason = "Se retiró" });
        db.Specialists.Add(specialist);
        db.Networks.Add(network);
        await db.SaveChangesAsync();
        return network.Id;
    }
}
