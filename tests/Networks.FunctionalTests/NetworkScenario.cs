using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.Networks.BusinessNetworks;
using RedesPlataforma.Networks.Infrastructure;
using RedesPlataforma.Networks.Producers;
using RedesPlataforma.Networks.Specialists;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Networks.FunctionalTests;

/// <summary>
/// The steps the network tests start from. Producers are written straight into the tenant's database (through a
/// tenant scope, so the tenant stamp and row-level security apply), which keeps these tests independent of the producers API.
/// </summary>
public static class NetworkScenario
{
    public static readonly DateOnly FormedOn = new(2025, 1, 15);

    /// <summary>Creates a staff member in the Tenants service and waits until the Networks service has learnt of them.</summary>
    public static async Task<SignedInStaff> StaffAsync(this NetworksApp app, ServiceTenant tenant, string role = "Specialist")
    {
        var staff = await tenant.Tenant.CreateStaffAsync(role);
        await app.EventuallyAsync(async () => await app.SpecialistAsync(tenant.Id, staff.Id) is not null, "the staff member's projection");
        return new SignedInStaff(staff.Id, await app.ClientForAsync(staff.Email, staff.Password));
    }

    public static async Task<Specialist?> SpecialistAsync(this NetworksApp app, Guid tenantId, Guid id)
    {
        await using var scope = TenantScope.Begin(app.Services, new TenantInfo(tenantId, "t", "t"));
        return await scope.Services.GetRequiredService<NetworksDb>().Specialists.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id);
    }

    /// <summary>One producer per gender given, active unless said otherwise, in Cusco.</summary>
    public static async Task<List<Guid>> CreateProducersAsync(this NetworksApp app, Guid tenantId, params Gender[] genders) =>
        await app.CreateProducersAsync(tenantId, active: true, genders);

    public static async Task<List<Guid>> CreateProducersAsync(this NetworksApp app, Guid tenantId, bool active, params Gender[] genders)
    {
        await using var scope = TenantScope.Begin(app.Services, new TenantInfo(tenantId, "t", "t"));
        var db = scope.Services.GetRequiredService<NetworksDb>();
        var producers = genders.Select((gender, i) => new Producer
        {
            Dni = Random.Shared.Next(10_000_000, 99_999_999).ToString(), FirstNames = gender == Gender.Female ? $"María {i}" : $"José {i}",
            LastNames = "Quispe Huamán", Gender = gender, BirthYear = 1980, DistrictCode = "080101", RegionCode = "PE-CUS",
            ConsentGiven = true, ConsentDate = new DateOnly(2025, 1, 2), IsActive = active,
        }).ToList();
        db.Producers.AddRange(producers);
        await db.SaveChangesAsync();
        return [.. producers.Select(p => p.Id)];
    }

    public static FormNetworkRequest NetworkRequest(Guid specialistId, IReadOnlyList<Guid> members, Guid? leader = null,
        string chain = "cuy", string region = "PE-CUS", string? ruc = null, string? name = null) =>
        new(name ?? Scenario.Unique("Red"), chain, region, specialistId, members, leader ?? members[0], FormedOn, LegalForm.Association, ruc);

    public static async Task<NetworkDetails> FormAsync(this HttpClient client, FormNetworkRequest request) =>
        await (await client.PostAsJsonAsync("/api/networks", request)).ReadAsync<NetworkDetails>();

    /// <summary>A specialist with a network of their own (a woman leads it), formed by the specialist.</summary>
    public static async Task<(SignedInStaff Specialist, NetworkDetails Network)> SpecialistWithNetworkAsync(this NetworksApp app, ServiceTenant tenant, string? ruc = null)
    {
        var specialist = await app.StaffAsync(tenant);
        var members = await app.CreateProducersAsync(tenant.Id, Gender.Female, Gender.Male, Gender.Female);
        return (specialist, await specialist.Client.FormAsync(NetworkRequest(specialist.Id, members, ruc: ruc)));
    }

    public static ChangePhaseRequest PhaseTo(Phase to, DateOnly? on = null, string? reason = null, string? documentUrl = null) =>
        new(to, on ?? FormedOn.AddDays(10 * (int)to + 1), $"Acta de la fase {(int)to}", documentUrl, reason);

    public static Task<HttpResponseMessage> ChangePhaseAsync(this HttpClient client, Guid networkId, ChangePhaseRequest request) =>
        client.PostAsJsonAsync($"/api/networks/{networkId}/phase", request);

    /// <summary>Asserts the status and, for a problem naming a field, which field.</summary>
    public static async Task ShouldBeAsync(this HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode} for {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {body}");
        if (field is null) return;
        var problem = JsonDocument.Parse(body).RootElement;
        var named = problem.TryGetProperty("field", out var f) ? f.GetString()
            : problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(e => e.Name).FirstOrDefault(n => n.Equals(field, StringComparison.OrdinalIgnoreCase)) : null;
        Assert.True(string.Equals(field, named, StringComparison.OrdinalIgnoreCase), $"Expected the problem to name '{field}': {body}");
    }

    /// <summary>Runs a count as the owner role, inside the tenant (row-level security is forced on the owner too).</summary>
    public static async Task<long> CountAsync(this NetworksApp app, string sql, Guid tenantId)
    {
        await using var connection = new NpgsqlConnection(app.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using (var setTenant = new NpgsqlCommand("SELECT set_config('app.tenant_id', @tenant, false)", connection))
        {
            setTenant.Parameters.AddWithValue("tenant", tenantId.ToString());
            await setTenant.ExecuteScalarAsync();
        }
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("tenant", tenantId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Rows the tenant has in every network table and network events waiting in or sent from the outbox.</summary>
    public static async Task<long> NetworkRowsAsync(this NetworksApp app, Guid tenantId) =>
        await app.CountAsync("""
            SELECT (SELECT count(*) FROM networks WHERE tenant_id = @tenant) + (SELECT count(*) FROM memberships WHERE tenant_id = @tenant)
                 + (SELECT count(*) FROM leader_changes WHERE tenant_id = @tenant) + (SELECT count(*) FROM phase_changes WHERE tenant_id = @tenant)
                 + (SELECT count(*) FROM specialist_assignments WHERE tenant_id = @tenant)
                 + (SELECT count(*) FROM outbox_messages WHERE tenant_id = @tenant AND message_type LIKE '%.Networks.Network%')
            """, tenantId);

    public static async Task EventuallyAsync(this NetworksApp _, Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited 20 s for {what}.");
            await Task.Delay(100);
        }
    }
}
