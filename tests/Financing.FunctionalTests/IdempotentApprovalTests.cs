using System.Net;
using System.Net.Http.Json;
using RedesPlataforma.BuildingBlocks.Idempotency;
using RedesPlataforma.Financing.Plans;
using RedesPlataforma.Testing;
using static RedesPlataforma.Financing.FunctionalTests.FinancingScenario;

namespace RedesPlataforma.Financing.FunctionalTests;

/// <summary>
/// Approval begins a transaction of its own (a row lock on the programme); with an Idempotency-Key it runs inside the
/// key's transaction as a savepoint, so the approval and the stored response commit together.
/// </summary>
[Collection(FinancingHost.Name)]
public sealed class IdempotentApprovalTests(FinancingApp app)
{
    [Fact]
    public async Task An_approval_sent_twice_with_one_key_commits_the_budget_once_and_the_repeat_gets_the_same_answer()
    {
        var tenant = await app.OnboardAsync();
        var specialist = await app.StaffAsync(tenant);
        var supervisor = await app.StaffAsync(tenant, "Supervisor");
        var network = await app.SeedNetworkAsync(tenant.Id, specialist.Id);
        var programme = await tenant.Admin.PublishAsync(ProgrammeRequest());
        var plan = await specialist.SubmittedAsync(network, programme.Id, Line(10, 1_000m, 7_000m, 2_000m, 1_000m));
        var key = Guid.NewGuid().ToString();

        var first = await ApproveAsync(supervisor.Client, plan.Id, key);
        var repeat = await ApproveAsync(supervisor.Client, plan.Id, key);

        await first.ShouldBeAsync(HttpStatusCode.OK);
        await repeat.ShouldBeAsync(HttpStatusCode.OK);
        Assert.True(repeat.Headers.Contains(IdempotencyRules.ReplayedHeader));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync());
        Assert.Equal(7_000m, (await tenant.Admin.ProgrammeAsync(programme.Id)).CommittedPen);
        Assert.Single((await tenant.Admin.PlanAsync(plan.Id)).History, h => h.ToStatus == PlanStatus.Approved);
        // Without the key the same approval is a new request, refused by the workflow: the key is what made the repeat safe.
        await (await supervisor.Client.ActAsync(plan.Id, "approve")).ShouldBeAsync(HttpStatusCode.Conflict);
    }

    static Task<HttpResponseMessage> ApproveAsync(HttpClient client, Guid planId, string key)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, $"/api/business-plans/{planId}/approve") { Content = JsonContent.Create(new TransitionRequest("Cumple")) };
        message.Headers.Add(IdempotencyRules.KeyHeader, key);
        return client.SendAsync(message);
    }
}
