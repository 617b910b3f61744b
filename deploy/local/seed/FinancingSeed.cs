using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace RedesPlataforma.Seed;

/// <summary>What a tenant's plans on the programme add up to, as the API reports them.</summary>
public sealed record FinancingSummary(
    string Slug, string Programme, IReadOnlyDictionary<string, int> ByStatus, int CountedPlans, decimal CountedTotalPen,
    decimal CountedContributionPen, decimal DisbursedPen, decimal? TenantCommittedPen, decimal? TenantDisbursedPen);

/// <summary>
/// The national programme and the tenants' joint business plans on it, through the Financing API, each step by whom it
/// falls to: the national unit publishes the programme, the network's specialist drafts and submits its plan (and
/// records the network's contributions), the national unit approves, returns or rejects it on its review desk and pays
/// the tranches, the tenant's admin starts and closes execution. Idempotent like the other parts: the programme is
/// found by name, a plan by its network; an existing plan is only moved on along the way to its planned state
/// (tranches by reference, contributions by description), never back, and one that went elsewhere is left alone.
/// </summary>
public sealed class FinancingSeed(ApiClient anonymous, ApiClient national, Func<ApiClient, ApiClient> financing, string staffPassword, Action<string> log)
{
    private static readonly TimeSpan ProjectionWait = TimeSpan.FromSeconds(90);

    private readonly Dictionary<Guid, ApiClient> _specialists = [];

    public async Task<ProgrammeDto> EnsureProgrammeAsync(PublishProgrammeRequest request, CancellationToken ct)
    {
        var existing = (await national.GetAllAsync<ProgrammeDto>("api/programmes", ct)).FirstOrDefault(p => p.IsNational && p.Name == request.Name);
        if (existing is not null)
        {
            log($"national programme {request.Name} exists ({existing.Id}); kept");
            return existing;
        }
        var created = await national.PostAsync<ProgrammeDto>("api/programmes/national", request, ct);
        log($"national programme {request.Name} published by the national unit ({created.Id})");
        return created;
    }

    public async Task<FinancingSummary> RunAsync(
        SeededTenant tenant, ApiClient networksApi, FinancingPortfolio portfolio, PublishProgrammeRequest rules, ProgrammeDto programme,
        IReadOnlyList<SeededSpecialist> specialists, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var plans = FinancingPlanner.Build(portfolio, rules, await networksApi.GetAllAsync<NetworkSummary>("api/networks", ct));
        var admin = financing(tenant.Admin);
        var existing = (await admin.GetAllAsync<PlanSummary>($"api/business-plans?programme={programme.Id}", ct)).ToDictionary(p => p.NetworkId);
        var steps = 0;
        foreach (var plan in plans)
            steps += await EnsurePlanAsync(tenant, admin, () => AuthorAsync(plan.Network, specialists, admin, ct), programme, plan,
                existing.GetValueOrDefault(plan.Network.Id), ct);
        log($"{portfolio.Slug}: {plans.Count} plans on {programme.Name}: {steps} steps taken, {existing.Count} plans already there, " +
            $"in {clock.Elapsed.TotalSeconds:0.0}s");
        return await SummaryAsync(portfolio.Slug, admin, programme, ct);
    }

    /// <summary>The national unit's view: the programme's totals and what each tenant has committed and been paid.</summary>
    public async Task<(ProgrammeTotals Programme, IReadOnlyList<TenantBudgetDto> Budgets)> NationalViewAsync(Guid programmeId, CancellationToken ct) =>
        (await national.GetAsync<ProgrammeTotals>($"api/programmes/{programmeId}", ct), await national.GetAllAsync<TenantBudgetDto>($"api/programmes/{programmeId}/budgets", ct));

    /// <summary>The statuses a plan passes through to reach <paramref name="target"/>.</summary>
    private static string[] Path(PlanTarget target) => target switch
    {
        PlanTarget.Draft => ["Draft"],
        PlanTarget.Submitted => ["Draft", "Submitted"],
        PlanTarget.Returned or PlanTarget.Rejected or PlanTarget.Approved => ["Draft", "Submitted", target.ToString()],
        PlanTarget.InExecution => ["Draft", "Submitted", "Approved", "InExecution"],
        _ => ["Draft", "Submitted", "Approved", "InExecution", "Closed"],
    };

    /// <summary>Moves the plan on towards its target; <paramref name="author"/> signs the network's specialist in only when a step needs them.</summary>
    private async Task<int> EnsurePlanAsync(
        SeededTenant tenant, ApiClient admin, Func<Task<ApiClient>> author, ProgrammeDto programme, PlannedPlan plan, PlanSummary? found, CancellationToken ct)
    {
        var steps = 0;
        var (id, status) = found is null ? (await DraftAsync(await author(), programme, plan, ct), "Draft") : (found.Id, found.Status);
        if (found is null) steps++;
        var path = Path(plan.Target);
        var at = Array.IndexOf(path, status);
        if (at < 0)
        {
            log($"{tenant.Institution.Slug}: WARNING: the plan of {plan.Network.Name} is {status}, off the way to {plan.Target}; left as it is");
            return steps;
        }

        foreach (var next in path.Skip(at + 1))
        {
            switch (next)
            {
                case "Submitted":
                    await (await author()).PostAsync<PlanDetails>($"api/business-plans/{id}/submit", new TransitionRequest("Plan validado en asamblea de la red."), ct);
                    break;
                case "Approved":
                    await DecideAsync(tenant, programme, id, "approve", new TransitionRequest(plan.Decision), ct);
                    break;
                case "Returned":
                case "Rejected":
                    await DecideAsync(tenant, programme, id, next == "Returned" ? "return" : "reject", new ReasonRequest(plan.Decision!), ct);
                    break;
                case "InExecution":
                    await admin.PostAsync<PlanDetails>($"api/business-plans/{id}/start-execution",
                        new TransitionRequest("Acta de inicio firmada con la junta directiva de la red."), ct);
                    break;
                case "Closed":
                    steps += await ExecuteAsync(tenant, admin, author, programme, id, plan, ct);
                    await admin.PostAsync<PlanDetails>($"api/business-plans/{id}/close",
                        new TransitionRequest("Informe final aprobado: metas de venta cumplidas y bienes transferidos a la red."), ct);
                    break;
            }
            status = next;
            steps++;
        }
        if (status == "InExecution") steps += await ExecuteAsync(tenant, admin, author, programme, id, plan, ct);
        return steps;
    }

    /// <summary>
    /// Drafts the plan as the network's specialist. The Financing service learns networks and their phases from the
    /// Networks service's events, so one just advanced may not be eligible yet (422 on networkId): retried for a while.
    /// </summary>
    private static async Task<Guid> DraftAsync(ApiClient author, ProgrammeDto programme, PlannedPlan plan, CancellationToken ct)
    {
        var request = new DraftPlanRequest(plan.Title, plan.Network.Id, programme.Id, plan.Objectives, plan.Lines);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return (await author.PostAsync<PlanDetails>("api/business-plans", request, ct)).Id;
            }
            catch (ApiException e) when (e.Status == HttpStatusCode.UnprocessableEntity && e.Body?.Contains("\"networkId\"") == true
                                         && waited.Elapsed < ProjectionWait)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }

    /// <summary>The national unit decides the plan's pending submission on its review desk.</summary>
    private async Task DecideAsync(SeededTenant tenant, ProgrammeDto programme, Guid planId, string action, object body, CancellationToken ct)
    {
        var review = await ReviewAsync(tenant, programme, planId, "Pending", ct);
        await national.PostAsync<NationalReviewDto>($"api/national/reviews/{review.Id}/{action}", body, ct);
    }

    private async Task<NationalReviewDto> ReviewAsync(SeededTenant tenant, ProgrammeDto programme, Guid planId, string status, CancellationToken ct) =>
        (await national.GetAllAsync<NationalReviewDto>($"api/national/reviews?programme={programme.Id}&tenant={tenant.TenantId}&status={status}", ct))
            .SingleOrDefault(r => r.PlanId == planId)
        ?? throw new ApiException($"{tenant.Institution.Slug}: no {status} national review of plan {planId}");

    /// <summary>The tranches the national unit pays and the contributions the network records, those not there yet.</summary>
    private async Task<int> ExecuteAsync(
        SeededTenant tenant, ApiClient admin, Func<Task<ApiClient>> author, ProgrammeDto programme, Guid planId, PlannedPlan plan, CancellationToken ct)
    {
        var details = await admin.GetAsync<PlanDetails>($"api/business-plans/{planId}", ct);
        var paid = details.Disbursements.Select(d => d.Reference).ToHashSet(StringComparer.Ordinal);
        var put = details.Contributions.Select(c => c.Description).ToHashSet(StringComparer.Ordinal);
        var steps = 0;
        var missingTranches = plan.Tranches.Where(t => !paid.Contains(t.Reference)).ToList();
        if (missingTranches.Count > 0)
        {
            var review = await ReviewAsync(tenant, programme, planId, "Approved", ct);
            foreach (var tranche in missingTranches)
            {
                await national.PostAsync<NationalReviewDto>($"api/national/reviews/{review.Id}/disbursements",
                    new DisbursementRequest(tranche.On, tranche.AmountPen, tranche.Reference), ct);
                steps++;
            }
        }
        foreach (var contribution in plan.Contributions.Where(c => !put.Contains(c.Description)))
        {
            await (await author()).PostAsync<PlanDetails>($"api/business-plans/{planId}/contributions",
                new ContributionRequest(contribution.On, contribution.CashPen, contribution.InKindPen, contribution.Description), ct);
            steps++;
        }
        return steps;
    }

    /// <summary>The network's specialist, signed in once; the tenant's admin when the specialist is not a seeded one.</summary>
    private async Task<ApiClient> AuthorAsync(NetworkSummary network, IReadOnlyList<SeededSpecialist> specialists, ApiClient admin, CancellationToken ct)
    {
        if (_specialists.TryGetValue(network.SpecialistId, out var signedIn)) return signedIn;
        if (specialists.FirstOrDefault(s => s.Id == network.SpecialistId) is not { } specialist) return admin;
        var client = financing(await anonymous.SignInAsync(specialist.Email, staffPassword,
            $"Hint: {specialist.Email} was created with another password; set REDES_DEMO_STAFF_PASSWORD to it, or reset the database.", ct));
        _specialists[network.SpecialistId] = client;
        return client;
    }

    private static async Task<FinancingSummary> SummaryAsync(string slug, ApiClient admin, ProgrammeDto programme, CancellationToken ct)
    {
        var plans = await admin.GetAllAsync<PlanSummary>($"api/business-plans?programme={programme.Id}", ct);
        var counted = plans.Where(p => DemoFinancing.Counts(p.Status)).ToList();
        var seen = await admin.GetAsync<ProgrammeDto>($"api/programmes/{programme.Id}", ct);
        var byStatus = plans.GroupBy(p => p.Status).OrderBy(g => Enum.TryParse<PlanTarget>(g.Key, out var t) ? (int)t : 99)
            .ToDictionary(g => g.Key, g => g.Count());
        return new FinancingSummary(slug, programme.Name, byStatus, counted.Count, counted.Sum(p => p.TotalPen), counted.Sum(p => p.NetworkContributionPen),
            plans.Sum(p => p.DisbursedPen), seen.TenantCommittedPen, seen.TenantDisbursedPen);
    }

    /// <summary>Soles as the API's figures read: 3,200,000.00.</summary>
    public static string Soles(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture);
}
