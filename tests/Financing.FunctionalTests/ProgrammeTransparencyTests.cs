using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.Financing.Plans;
using RedesPlataforma.Financing.Programmes;
using RedesPlataforma.Testing;
using static RedesPlataforma.Financing.FunctionalTests.FinancingScenario;

namespace RedesPlataforma.Financing.FunctionalTests;

/// <summary>
/// What a tenant learns of a national programme (docs/decisions/0025-what-a-tenant-learns-of-a-national-programme.md):
/// its own committed and disbursed amounts and whether a full plan still fits, never another tenant's amount nor
/// anything it could be computed from, unless the national unit made the programme public.
/// </summary>
[Collection(FinancingHost.Name)]
public sealed class ProgrammeTransparencyTests(FinancingApp app)
{
    /// <summary>
    /// Two tenants on one national programme: A is committed 35 000 and paid 20 000, B 63 000.15 and 30 000.05, so the
    /// programme has 98 000.15 committed, 50 000.05 paid and 51 999.85 left of 150 000 (less than the 100 000 per-plan maximum).
    /// </summary>
    async Task<(HttpClient National, ProgrammeDto Programme, Side A, Side B)> TwoTenantsCommittedAsync()
    {
        var national = await app.NationalClientAsync();
        var request = ProgrammeRequest(total: 150_000m, maxPerPlan: 100_000m);
        var programme = await national.PublishAsync(request, national: true);
        var (a, aSpecialist, aNetwork) = await app.TenantWithNetworkAsync();
        var (b, bSpecialist, bNetwork) = await app.TenantWithNetworkAsync();
        Assert.True((await a.Admin.ProgrammeAsync(programme.Id)).BudgetRemains);

        var aPlan = await aSpecialist.SubmittedAsync(aNetwork, programme.Id, Line(1, 50_000m, 35_000m, 10_000m, 5_000m));
        var bPlan = await bSpecialist.SubmittedAsync(bNetwork, programme.Id, Line(1, 90_000.30m, 63_000.15m, 0m, 27_000.15m));
        foreach (var (plan, paid) in new[] { (aPlan, 20_000m), (bPlan, 30_000.05m) })
        {
            var review = await national.PendingReviewAsync(programme.Id, plan.Id);
            await (await national.DecideAsync(review.Id, "approve")).ShouldBeAsync(HttpStatusCode.OK);
            await (await national.PostAsJsonAsync($"/api/national/reviews/{review.Id}/disbursements",
                new DisbursementRequest(new DateOnly(2025, 5, 2), paid, "AL2-" + plan.Id))).ShouldBeAsync(HttpStatusCode.Created);
        }
        return (national, programme, new Side(a.Admin, aPlan.Id, 35_000m, 20_000m), new Side(b.Admin, bPlan.Id, 63_000.15m, 30_000.05m));
    }

    sealed record Side(HttpClient Admin, Guid PlanId, decimal CommittedPen, decimal DisbursedPen);

    [Fact]
    public async Task A_tenant_sees_its_own_part_and_nothing_from_which_another_tenants_amount_can_be_computed()
    {
        var (national, programme, a, b) = await TwoTenantsCommittedAsync();
        var totals = new[] { 98_000.15m, 50_000.05m, 51_999.85m };

        foreach (var (viewer, other) in new[] { (a, b), (b, a) })
        {
            var seen = await viewer.Admin.ProgrammeAsync(programme.Id);
            Assert.Equal((viewer.CommittedPen, viewer.DisbursedPen), (seen.TenantCommittedPen, seen.TenantDisbursedPen));
            Assert.Equal((false, false, null, null, null), (seen.IsPublic, seen.BudgetRemains, seen.CommittedPen, seen.DisbursedPen, seen.RemainingPen));

            // Everything the tenant reads about the programme and its own plans, plus what it is refused.
            var shown = new List<string>
            {
                await viewer.Admin.GetStringAsync($"/api/programmes/{programme.Id}"),
                ItemOf(await viewer.Admin.GetStringAsync("/api/programmes?pageSize=200"), programme.Id),
                await viewer.Admin.GetStringAsync($"/api/business-plans?programme={programme.Id}"),
                await viewer.Admin.GetStringAsync($"/api/business-plans/{viewer.PlanId}"),
                await (await viewer.Admin.GetAsync($"/api/programmes/{programme.Id}/budgets")).Content.ReadAsStringAsync(),
                await (await viewer.Admin.PutAsJsonAsync($"/api/programmes/{programme.Id}", ProgrammeRequest(total: 150_000m, maxPerPlan: 100_000m)))
                    .Content.ReadAsStringAsync(),
                await (await viewer.Admin.PostAsync($"/api/programmes/{programme.Id}/close", null)).Content.ReadAsStringAsync(),
            };
            var secrets = new[] { other.CommittedPen, other.DisbursedPen }.Concat(totals).ToArray();
            var numbers = shown.SelectMany(NumbersIn).Distinct().ToList();
            Assert.Contains(viewer.CommittedPen, numbers);
            Assert.DoesNotContain(numbers, secrets.Contains);
            Assert.DoesNotContain(numbers.SelectMany(x => numbers.Select(y => x - y)), secrets.Contains);
        }

        var full = await national.ProgrammeAsync(programme.Id);
        Assert.Equal((98_000.15m, 50_000.05m, 51_999.85m, false), (full.CommittedPen, full.DisbursedPen, full.RemainingPen, full.BudgetRemains));
        var budgets = (await national.GetFromJsonAsync<Page<TenantBudgetDto>>($"/api/programmes/{programme.Id}/budgets", Json.Options))!.Items;
        Assert.Equal(new[] { (63_000.15m, 30_000.05m), (35_000m, 20_000m) }, budgets.Select(t => (t.CommittedPen, t.DisbursedPen)));
    }

    [Fact]
    public async Task A_programme_the_national_unit_makes_public_shows_its_totals_to_every_tenant_until_it_is_made_private_again()
    {
        var (national, programme, a, _) = await TwoTenantsCommittedAsync();
        var terms = ProgrammeRequest(total: 150_000m, maxPerPlan: 100_000m, name: programme.Name);

        var madePublic = await (await national.PutAsJsonAsync($"/api/programmes/{programme.Id}", terms with { IsPublic = true })).ReadAsync<ProgrammeDto>();
        Assert.True(madePublic.IsPublic);
        var seen = await a.Admin.ProgrammeAsync(programme.Id);
        Assert.Equal((true, 98_000.15m, 50_000.05m, 51_999.85m, 35_000m), (seen.IsPublic, seen.CommittedPen, seen.DisbursedPen, seen.RemainingPen, seen.TenantCommittedPen));

        await (await national.PutAsJsonAsync($"/api/programmes/{programme.Id}", terms)).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Null((await a.Admin.ProgrammeAsync(programme.Id)).CommittedPen);
    }

    [Fact]
    public async Task Only_a_national_programme_can_be_made_public()
    {
        var tenant = await app.OnboardAsync();
        await (await tenant.Admin.PostAsJsonAsync("/api/programmes", ProgrammeRequest(isPublic: true))).ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "isPublic");
        var own = await tenant.Admin.PublishAsync(ProgrammeRequest());
        await (await tenant.Admin.PutAsJsonAsync($"/api/programmes/{own.Id}", ProgrammeRequest(isPublic: true))).ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "isPublic");
        Assert.Equal((false, 0m, 1_000_000m), (own.IsPublic, own.CommittedPen, own.RemainingPen));
    }

    static string ItemOf(string page, Guid id) =>
        JsonDocument.Parse(page).RootElement.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == id).GetRawText();

    static IEnumerable<decimal> NumbersIn(string json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        using var document = JsonDocument.Parse(json);
        return Walk(document.RootElement).ToList();

        static IEnumerable<decimal> Walk(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Number => [element.GetDecimal()],
            JsonValueKind.String => NumbersInText(element.GetString()!),
            JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Walk(p.Value)),
            JsonValueKind.Array => element.EnumerateArray().SelectMany(Walk),
            _ => [],
        };
    }

    /// <summary>Amounts written inside texts (a problem's detail), as the service formats them: 1234.56.</summary>
    static IEnumerable<decimal> NumbersInText(string text) =>
        Regex.Matches(text, @"(?<![\d.])\d+\.\d{2}(?!\d)").Select(m => decimal.Parse(m.Value, CultureInfo.InvariantCulture));
}
