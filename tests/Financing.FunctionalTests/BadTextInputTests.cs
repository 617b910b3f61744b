using System.Text.Json.Nodes;
using RedesPlataforma.Financing.Plans;
using RedesPlataforma.Testing;
using static RedesPlataforma.Financing.FunctionalTests.FinancingScenario;

namespace RedesPlataforma.Financing.FunctionalTests;

/// <summary>NUL characters, implausible dates and left-out values in programme and plan bodies.</summary>
[Collection(FinancingHost.Name)]
public sealed class BadTextInputTests(FinancingApp app)
{
    private static readonly Guid Somewhere = Guid.CreateVersion7();

    // The body is read before any id is looked up, so ids that exist nowhere are enough.
    private static (string Url, object Body) Write(string family) => family switch
    {
        "programme" => ("/api/programmes", ProgrammeRequest()),
        "plan" => ("/api/business-plans", PlanRequest(Somewhere, Somewhere)),
        "disbursement" => ($"/api/business-plans/{Somewhere}/disbursements", new DisbursementRequest(new DateOnly(2025, 3, 1), 1_000m, "TR-1")),
        _ => ($"/api/business-plans/{Somewhere}/contributions", new ContributionRequest(new DateOnly(2025, 3, 1), 500m, 0m, "Aporte en efectivo")),
    };

    [Theory]
    [InlineData("programme", "name", null)]
    [InlineData("programme", "funder", null)]
    [InlineData("plan", "title", null)]
    [InlineData("plan", "objectives", null)]
    [InlineData("disbursement", "reference", null)]
    [InlineData("programme", "startsOn", "0001-01-01")]
    [InlineData("programme", "endsOn", "9999-12-31")]
    [InlineData("disbursement", "on", "0001-01-01")]
    [InlineData("contribution", "on", "2101-01-01")]
    public async Task A_NUL_or_an_implausible_date_is_a_400_problem_naming_the_field(string family, string field, string? date)
    {
        var tenant = await app.OnboardAsync();
        var (url, body) = Write(family);
        await BadInput.AssertNamesAsync(await tenant.Admin.PostAsync(url, BadInput.With(body, field, date ?? BadInput.Nul)), field);
    }

    [Fact]
    public async Task A_NUL_inside_a_budget_line_is_named_by_its_path()
    {
        var tenant = await app.OnboardAsync();
        var (url, body) = Write("plan");
        var line = new JsonObject { ["category"] = "Equipment", ["description"] = BadInput.Nul, ["quantity"] = 1, ["unitCostPen"] = 10,
            ["programmeFundsPen"] = 7, ["networkCashPen"] = 2, ["networkInKindPen"] = 1 };
        await BadInput.AssertNamesAsync(await tenant.Admin.PostAsync(url, BadInput.With(body, "lines", new JsonArray(line))), "lines[0].description");
    }

    [Theory]
    [InlineData("programme", "totalBudgetPen")]        // left out, it was a programme of 0 soles
    [InlineData("programme", "minPhase")]
    [InlineData("plan", "networkId")]
    [InlineData("disbursement", "amountPen")]
    public async Task A_left_out_number_or_id_is_a_400_problem_naming_it(string family, string field)
    {
        var tenant = await app.OnboardAsync();
        var (url, body) = Write(family);
        await BadInput.AssertNamesAsync(await tenant.Admin.PostAsync(url, BadInput.Without(body, field)), field);
    }
}
