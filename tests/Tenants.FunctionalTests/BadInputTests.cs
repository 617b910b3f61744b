using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RedesPlataforma.Tenants.Apis;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Tenants.FunctionalTests;

public sealed class BadInputTests(TenantsApp app) : IClassFixture<TenantsApp>
{
    [Theory]
    [InlineData("ruc", "20131312951")]      // wrong check digit
    [InlineData("ruc", "30131312955")]      // unknown prefix
    [InlineData("adminEmail", "no-es-correo")]
    [InlineData("slug", "Con Espacios")]
    [InlineData("regions", "PE-XXX")]
    [InlineData("adminPassword", "corta")]
    public async Task An_invalid_application_field_gets_a_400_problem_naming_it_and_writes_nothing(string field, string value)
    {
        var national = await app.NationalClientAsync();
        var before = await CountApplicationsAsync(national);
        var body = JsonSerializer.SerializeToNode(Scenario.Application(Scenario.Unique("bad")), Json.Options)!.AsObject();
        body[field] = field == "regions" ? new System.Text.Json.Nodes.JsonArray(value) : value;

        var response = await app.CreateClient().PostAsJsonAsync("/api/onboarding/applications", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(errors.EnumerateObject(), e => e.Name.Equals(field, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(before, await CountApplicationsAsync(national));
    }

    [Fact]
    public async Task A_missing_required_field_and_an_unknown_enum_value_are_400s()
    {
        var missing = await app.CreateClient().PostAsJsonAsync("/api/onboarding/applications", new { institutionName = "Sin datos" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("ruc", await missing.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        var body = JsonSerializer.SerializeToNode(Scenario.Application(Scenario.Unique("enum")), Json.Options)!.AsObject();
        body["kind"] = "Casino";
        var unknownKind = await app.CreateClient().PostAsJsonAsync("/api/onboarding/applications", body);
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);
        Assert.Equal("application/problem+json", unknownKind.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_not_a_500()
    {
        var response = await app.CreateClient().PostAsync("/api/onboarding/applications",
            new StringContent("{\"institutionName\": \"Roto\", ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_oversized_body_is_a_413_problem()
    {
        var huge = new string('x', 2 * 1024 * 1024);
        var response = await app.CreateClient().PostAsync("/api/onboarding/applications",
            new StringContent($"{{\"institutionName\": \"{huge}\"}}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_duplicate_slug_is_a_409_naming_the_field_whether_pending_or_approved()
    {
        var tenant = await app.OnboardAsync();
        var approved = await app.CreateClient().PostAsJsonAsync("/api/onboarding/applications", Scenario.Application(tenant.Slug) with { AdminEmail = "otro@dup.test" });
        Assert.Equal(HttpStatusCode.Conflict, approved.StatusCode);
        Assert.Equal("slug", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());

        var slug = Scenario.Unique("dup");
        Assert.Equal(HttpStatusCode.Created, (await app.CreateClient().PostAsJsonAsync("/api/onboarding/applications", Scenario.Application(slug))).StatusCode);
        var pending = await app.CreateClient().PostAsJsonAsync("/api/onboarding/applications", Scenario.Application(slug) with { AdminEmail = $"otro@{slug}.test" });
        Assert.Equal(HttpStatusCode.Conflict, pending.StatusCode);
    }

    [Fact]
    public async Task Invalid_staff_input_is_refused_and_leaves_no_user_behind()
    {
        var tenant = await app.OnboardAsync();
        var email = $"{Scenario.Unique("inv")}@{tenant.Slug}.test";

        var badDni = await tenant.Admin.PostAsJsonAsync("/api/staff", new CreateStaffRequest("Eva Mamani", email, Scenario.Password, ["Viewer"], null, null, "1234", null));
        Assert.Equal(HttpStatusCode.BadRequest, badDni.StatusCode);
        Assert.Contains("dni", await badDni.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        var weakPassword = await tenant.Admin.PostAsJsonAsync("/api/staff", new CreateStaffRequest("Eva Mamani", email, "sinmayusculas123", ["Viewer"], null, null, null, null));
        Assert.Equal(HttpStatusCode.BadRequest, weakPassword.StatusCode);
        Assert.Contains("initialPassword", await weakPassword.Content.ReadAsStringAsync());

        Assert.Equal(1, (await tenant.Admin.PageAsync<StaffSummary>("/api/staff")).TotalCount);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.CreateClient().RequestTokenAsync(email, "sinmayusculas123")).StatusCode);

        var duplicateEmail = await tenant.Admin.PostAsJsonAsync("/api/staff", new CreateStaffRequest("Eva Mamani", tenant.AdminEmail, Scenario.Password, ["Viewer"], null, null, null, null));
        Assert.Equal(HttpStatusCode.Conflict, duplicateEmail.StatusCode);
    }

    [Fact]
    public async Task Unknown_ids_are_404_problems()
    {
        var tenant = await app.OnboardAsync();
        var response = await tenant.Admin.GetAsync($"/api/staff/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<int> CountApplicationsAsync(HttpClient national) =>
        (await national.PageAsync<ApplicationDto>("/api/onboarding/applications?pageSize=1")).TotalCount;
}
