using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.Financing.Infrastructure;
using RedesPlataforma.Financing.NationalReviews;
using RedesPlataforma.Financing.Networks;
using RedesPlataforma.Financing.Plans;
using RedesPlataforma.Financing.Programmes;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Financing.FunctionalTests;

/// <summary>
/// The steps the financing tests start from. Networks are written straight into the projection through a tenant scope
/// (tenant stamp and row-level security apply), as the Networks service's events would; NetworkProjectionTests covers
/// the events themselves.
/// </summary>
public static class FinancingScenario
{
    public static readonly DateOnly Start = new(2025, 1, 1);

    public static async Task<SignedInStaff> StaffAsync(this FinancingApp app, ServiceTenant tenant, string role = "Specialist")
    {
        var staff = await tenant.Tenant.CreateStaffAsync(role);
        return new SignedInStaff(staff.Id, await app.ClientForAsync(staff.Email, staff.Password));
    }

    public static async Task<Guid> SeedNetworkAsync(this FinancingApp app, Guid tenantId, Guid specialistId,
        string chain = "cuy", string region = "PE-CUS", int phase = 3)
    {
        await using var scope = TenantScope.Begin(app.Services, new TenantInfo(tenantId, "t", "t"));
        var db = scope.Services.GetRequiredService<FinancingDb>();
        var network = new FundableNetwork
        {
            Id = Guid.CreateVersion7(), IsFormed = true, ValueChainCode = chain, RegionCode = region, SpecialistId = specialistId,
            Phase = phase, MemberCount = 12, PhaseOn = Start, MembersOn = Start,
        };
        db.Networks.Add(network);
        await db.SaveChangesAsync();
        return network.Id;
    }

    /// <summary>A new tenant with a specialist and one network of <paramref name="chain"/> in <paramref name="region"/>.</summary>
    public static async Task<(ServiceTenant Tenant, SignedInStaff Specialist, Guid Network)> TenantWithNetworkAsync(this FinancingApp app,
        string chain = "cuy", string region = "PE-CUS")
    {
        var tenant = await app.OnboardAsync();
        var specialist = await app.StaffAsync(tenant);
        return (tenant, specialist, await app.SeedNetworkAsync(tenant.Id, specialist.Id, chain, region));
    }

    public static async Task<FundableNetwork?> ProjectedNetworkAsync(this FinancingApp app, Guid tenantId, Guid networkId)
    {
        await using var scope = TenantScope.Begin(app.Services, new TenantInfo(tenantId, "t", "t"));
        return await scope.Services.GetRequiredService<FinancingDb>().Networks.AsNoTracking().SingleOrDefaultAsync(n => n.Id == networkId);
    }

    public static PublishProgrammeRequest ProgrammeRequest(decimal total = 1_000_000m, decimal maxPerPlan = 200_000m, decimal minShare = 0.30m,
        string[]? chains = null, string[]? regions = null, int minPhase = 2, string? name = null, bool isPublic = false) =>
        new(name ?? Scenario.Unique("Programa"), "Agro Rural", total, Start, new DateOnly(2030, 12, 31), maxPerPlan, minShare,
            chains ?? [], regions ?? [], minPhase, isPublic);

    public static async Task<ProgrammeDto> PublishAsync(this HttpClient client, PublishProgrammeRequest request, bool national = false) =>
        await (await client.PostAsJsonAsync(national ? "/api/programmes/national" : "/api/programmes", request)).ReadAsync<ProgrammeDto>();

    /// <summary>A line of <paramref name="quantity"/> × <paramref name="unitCost"/>, of which <paramref name="cash"/> and <paramref name="inKind"/> come from the network.</summary>
    public static BudgetLineRequest Line(decimal quantity, decimal unitCost, decimal programmeFunds, decimal cash, decimal inKind,
        BudgetCategory category = BudgetCategory.Equipment) =>
        new(category, "Galpón y jaulas para cuyes", quantity, unitCost, programmeFunds, cash, inKind);

    public static DraftPlanRequest PlanRequest(Guid networkId, Guid programmeId, params BudgetLineRequest[] lines) =>
        new(Scenario.Unique("Plan"), networkId, programmeId, "Mejorar la producción y venta de cuyes",
            lines.Length > 0 ? lines : [Line(10, 1_000m, 7_000m, 2_000m, 1_000m)]);

    public static async Task<PlanDetails> DraftAsync(this HttpClient client, DraftPlanRequest request) =>
        await (await client.PostAsJsonAsync("/api/business-plans", request)).ReadAsync<PlanDetails>();

    /// <summary>A plan drafted and submitted by <paramref name="specialist"/>.</summary>
    public static async Task<PlanDetails> SubmittedAsync(this SignedInStaff specialist, Guid network, Guid programme, params BudgetLineRequest[] lines)
    {
        var plan = await specialist.Client.DraftAsync(PlanRequest(network, programme, lines));
        await (await specialist.Client.ActAsync(plan.Id, "submit")).ShouldBeAsync(HttpStatusCode.OK);
        return plan;
    }

    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, Guid planId, string action, object? body = null) =>
        client.PostAsJsonAsync($"/api/business-plans/{planId}/{action}", body ?? new TransitionRequest(null));

    public static async Task<PlanDetails> PlanAsync(this HttpClient client, Guid planId) =>
        await (await client.GetAsync($"/api/business-plans/{planId}")).ReadAsync<PlanDetails>();

    public static async Task<BuildingBlocks.Persistence.Page<PlanSummary>> PlansAsync(this HttpClient client, string url = "/api/business-plans") =>
        await (await client.GetAsync(url)).ReadAsync<BuildingBlocks.Persistence.Page<PlanSummary>>();

    public static async Task<ProgrammeDto> ProgrammeAsync(this HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/programmes/{id}")).ReadAsync<ProgrammeDto>();

    /// <summary>The national unit's pending review of <paramref name="planId"/> (one per submission; the newest pending one).</summary>
    public static async Task<NationalReviewDto> PendingReviewAsync(this HttpClient national, Guid programmeId, Guid planId) =>
        (await national.ReviewsAsync($"?programme={programmeId}&status=Pending")).Items.Single(r => r.PlanId == planId);

    public static async Task<BuildingBlocks.Persistence.Page<NationalReviewDto>> ReviewsAsync(this HttpClient national, string query = "") =>
        await (await national.GetAsync($"/api/national/reviews{query}")).ReadAsync<BuildingBlocks.Persistence.Page<NationalReviewDto>>();

    public static Task<HttpResponseMessage> DecideAsync(this HttpClient national, Guid reviewId, string action, object? body = null) =>
        national.PostAsJsonAsync($"/api/national/reviews/{reviewId}/{action}", body ?? new TransitionRequest(null));

    /// <summary>The user id (<c>sub</c>) of the token a client carries.</summary>
    public static Guid SubjectOf(HttpClient client)
    {
        var payload = client.DefaultRequestHeaders.Authorization!.Parameter!.Split('.')[1].Replace('-', '+').Replace('_', '/');
        var json = Convert.FromBase64String(payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '='));
        return JsonDocument.Parse(json).RootElement.GetProperty("sub").GetGuid();
    }

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

    public static async Task EventuallyAsync(this FinancingApp _, Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited 20 s for {what}.");
            await Task.Delay(100);
        }
    }
}
