using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Financing.Infrastructure;
using RedesPlataforma.Financing.NationalReviews;
using RedesPlataforma.Financing.Networks;
using RedesPlataforma.Financing.Programmes;

namespace RedesPlataforma.Financing.Plans;

/// <summary>
/// Joint business plans: drafting and editing (Specialist, for their own networks), the approval workflow
/// (Supervisor / TenantAdmin, for plans on the tenant's own programmes; plans on national programmes are decided and
/// paid by the national unit, NationalReviewsApi), disbursements and executed contributions.
/// Every tenant role reads. A plan of another tenant is unknown here (filter and row-level security): 404.
/// </summary>
public static class PlansApi
{
    public static RouteGroupBuilder MapBusinessPlansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/business-plans").WithTags("Business plans").RequireAuthorization(Policies.TenantMember);
        api.MapGet("/", ListPlans).WithName("ListBusinessPlans")
            .WithDescription("The tenant's joint business plans, filtered and paged.");
        api.MapGet("/{id:guid}", GetPlan).WithName("GetBusinessPlan")
            .WithDescription("A business plan with its co-financing split, disbursements, contributions and history.");
        api.MapPost("/", DraftPlan).RequireAuthorization(Policies.Specialist).WithName("DraftBusinessPlan")
            .WithDescription("Drafts a business plan for a network on a programme.");
        api.MapPut("/{id:guid}", EditPlan).RequireAuthorization(Policies.Specialist).WithName("EditBusinessPlan")
            .WithDescription("Replaces a plan's contents while it can still be edited.");
        api.MapPost("/{id:guid}/submit", SubmitPlan).RequireAuthorization(Policies.Specialist).WithName("SubmitBusinessPlan")
            .WithDescription("Submits a plan for decision: to the supervisor, or to the national desk for plans on national programmes.");
        api.MapPost("/{id:guid}/approve", ApprovePlan).RequireAuthorization(Policies.Supervisor).WithName("ApproveBusinessPlan")
            .WithDescription("A supervisor approves a submitted plan on a tenant programme.");
        api.MapPost("/{id:guid}/reject", RejectPlan).RequireAuthorization(Policies.Supervisor).WithName("RejectBusinessPlan")
            .WithDescription("A supervisor rejects a submitted plan, with a reason kept in its history.");
        api.MapPost("/{id:guid}/return", ReturnPlan).RequireAuthorization(Policies.Supervisor).WithName("ReturnBusinessPlan")
            .WithDescription("A supervisor returns a submitted plan to its specialist for changes, with a reason.");
        api.MapPost("/{id:guid}/start-execution", StartExecution).RequireAuthorization(Policies.Supervisor)
            .WithName("StartBusinessPlanExecution")
            .WithDescription("Puts an approved plan in execution.");
        api.MapPost("/{id:guid}/close", ClosePlan).RequireAuthorization(Policies.Supervisor).WithName("CloseBusinessPlan")
            .WithDescription("Closes a plan in execution.");
        api.MapPost("/{id:guid}/disbursements", Disburse).RequireAuthorization(Policies.Supervisor)
            .WithName("DisburseBusinessPlanTranche")
            .WithDescription("Records a tranche paid from a tenant programme's funds to a plan.");
        api.MapPost("/{id:guid}/contributions", RecordContribution).RequireAuthorization(Policies.Specialist)
            .WithName("RecordNetworkContribution")
            .WithDescription("Records part of the network's own cash or in-kind contribution to a plan.");
        return api;
    }

    public sealed record PlanFilter(PlanStatus? Status, Guid? Programme, Guid? Network);

    static async Task<Ok<Page<PlanSummary>>> ListPlans([AsParameters] PageRequest page, [AsParameters] PlanFilter filter, FinancingDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.Plans.AsNoTracking()
            .Where(p => filter.Status == null || p.Status == filter.Status)
            .Where(p => filter.Programme == null || p.ProgrammeId == filter.Programme)
            .Where(p => filter.Network == null || p.NetworkId == filter.Network)
            .OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id)
            .Select(p => new PlanSummary(p.Id, p.Title, p.NetworkId, p.ProgrammeId, p.Status, p.TotalPen, p.ProgrammeFundsPen,
                p.NetworkCashPen + p.NetworkInKindPen, p.DisbursedPen))
            .ToPageAsync(page, ct));

    static async Task<Results<Ok<PlanDetails>, NotFound>> GetPlan(Guid id, FinancingDb db, CancellationToken ct) =>
        await db.LoadAsync(id, ct) is { } plan ? TypedResults.Ok(PlanDetails.From(plan)) : TypedResults.NotFound();

    static async Task<Results<Created<PlanDetails>, ProblemHttpResult>> DraftPlan(
        DraftPlanRequest request, ClaimsPrincipal user, FinancingDb db, ICurrentUser actor, TimeProvider clock, CancellationToken ct)
    {
        var network = await db.Networks.AsNoTracking().SingleOrDefaultAsync(n => n.Id == request.NetworkId && n.IsFormed, ct);
        if (network is null)
            return Refusal.Unprocessable("networkId", "Unknown network of your institution. / Red desconocida de su institución.").ToProblem();
        if (!user.ActsOn(network.SpecialistId)) return NotYourNetwork();
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.ProgrammeId, ct);
        if (programme is null)
            return Refusal.Unprocessable("programmeId", "Unknown programme. / Programa desconocido.").ToProblem();
        if (programme.RefuseNewPlans() is { } closed) return closed.ToProblem();
        if (Ineligible(programme, network) is { } ineligible) return ineligible.ToProblem();

        var plan = BusinessPlan.Draft(network.Id, programme.Id, request.Title.Trim(), request.Objectives.Trim(), actor, clock.GetUtcNow());
        var (lines, refusal) = PlanLines.Build(plan.Id, request.Lines);
        if (refusal is not null) return refusal.ToProblem();
        plan.Recompute(lines!);
        db.Plans.Add(plan);
        db.BudgetLines.AddRange(lines!);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/business-plans/{plan.Id}", await DetailsAsync(db, plan.Id, ct));
    }

    static async Task<Results<Ok<PlanDetails>, NotFound, ProblemHttpResult>> EditPlan(
        Guid id, EditPlanRequest request, ClaimsPrincipal user, FinancingDb db, CancellationToken ct)
    {
        if (await db.LoadAsync(id, ct) is not { } plan) return TypedResults.NotFound();
        if (!user.ActsOn((await db.NetworkOfAsync(plan, ct)).SpecialistId)) return NotYourNetwork();
        if (!plan.IsEditable) return NotEditable(plan).ToProblem();
        var (lines, refusal) = PlanLines.Build(plan.Id, request.Lines);
        if (refusal is not null) return refusal.ToProblem();

        plan.Title = request.Title.Trim();
        plan.Objectives = request.Objectives.Trim();
        db.BudgetLines.RemoveRange(plan.Lines);
        db.BudgetLines.AddRange(lines!);
        plan.Recompute(lines!);
        db.Touch(plan);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await DetailsAsync(db, id, ct));
    }

    static async Task<Results<Ok<PlanDetails>, NotFound, ProblemHttpResult>> SubmitPlan(
        Guid id, TransitionRequest? request, ClaimsPrincipal user, FinancingDb db, ICurrentUser actor, TimeProvider clock, CancellationToken ct)
    {
        if (await db.LoadAsync(id, ct) is not { } plan) return TypedResults.NotFound();
        var network = await db.NetworkOfAsync(plan, ct);
        if (!user.ActsOn(network.SpecialistId)) return NotYourNetwork();
        var at = clock.GetUtcNow();
        if (plan.Submit(actor, at, request?.Comment) is { } refused) return refused.ToProblem();
        // In the same transaction: the national unit's copy of what it needs to decide, which this tenant cannot read back.
        if (await IsNationalAsync(db, plan, ct)) db.Reviews.Add(NationalReview.Of(plan, network, at));
        db.Track(plan, PlanIntegrationEvents.Submitted(plan, network, at));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await DetailsAsync(db, id, ct));
    }

    /// <summary>
    /// Approval enforces the programme's rules under a row lock on the programme, so two approvals racing for the last
    /// of a budget run one after the other and the second sees what the first committed.
    /// </summary>
    static async Task<Results<Ok<PlanDetails>, NotFound, ProblemHttpResult>> ApprovePlan(
        Guid id, TransitionRequest? request, FinancingDb db, ICurrentUser actor, TimeProvider clock, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        if (await db.LoadAsync(id, ct) is not { } plan) return TypedResults.NotFound();
        var programme = await db.LockProgrammeAsync(plan.ProgrammeId, ct);
        if (programme.IsNational) return NationalUnitDecides().ToProblem();
        var at = clock.GetUtcNow();
        if (plan.Approve(programme, actor, at, request?.Comment) is { } refused) return refused.ToProblem();
        db.Track(plan, PlanIntegrationEvents.Approved(plan, await db.NetworkOfAsync(plan, ct), at));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(await DetailsAsync(db, id, ct));
    }

    static async Task<Results<Ok<PlanDetails>, NotFound, ProblemHttpResult>> RejectPlan(
        Guid id, RejectRequest request, FinancingDb db, ICurrentUser actor, TimeProvider clock, CancellationToken ct)
    {
        if (await db.LoadAsync(id, ct) is not { } plan) return TypedResults.NotFound();
        if (await IsNationalAsync(db, plan, ct)) return NationalUnitDecides().ToProblem();
        var (at, reason) = (clock.GetUtcNow(), request.Reason.Trim());
        if (plan.Reject(actor, at, reason) is { } refused) return refused.ToProblem();
        db.Track(plan, PlanIntegrationEvents.Rejected(plan, await db.NetworkOfAsync(plan, ct), reason, at));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await DetailsAsync(db, id, ct));
    }

    static async Task<Results<Ok<PlanDetails>, NotFound, ProblemHttpResult>> ReturnPlan(
        Guid id, TransitionRequest? request, FinancingDb db, ICurrentUser actor, TimeProvider clock, CancellationToken ct)
    {
        if (await db.LoadAsync(id, ct) is not { } plan) return TypedResults.NotFound();
        if (await IsNationalAsync(db, plan, ct)) return NationalUnitDecides().ToProblem();
        return await StepAsync(db, plan, plan.Return(actor, clock.GetUtcNow(), request?.Comment), ct);
    }

    static async Task<Results<Ok<PlanDetails>, NotFound, ProblemHttpResult>> StartExecution(
        Guid id, TransitionRequest? request, FinancingDb db, ICurrentUser actor, TimeProvider clock, CancellationToken ct) =>
        await db.LoadAsync(id, ct) is { } plan
            ? await StepAsync(db, plan, plan.StartExecution(actor, clock.GetUtcNow(), request?.Comment), ct)
            : TypedResults.NotFound();

    static async Task<Results<Ok<PlanDetails>, NotFound, ProblemHttpResult>> ClosePlan(
        Guid id, TransitionRequest? request, FinancingDb db, ICurrentUser actor, TimeProvider clock, CancellationToken ct) =>
        await db.LoadAsync(id, ct) is { } plan
            ? await StepAsync(db, plan, plan.Close(actor, clock.GetUtcNow(), request?.Comment), ct)
            : TypedResults.NotFound();

    /// <summary>Saves a step that publishes no event, or answers why the plan refused it.</summary>
    static async Task<Results<Ok<PlanDetails>, NotFound, ProblemHttpResult>> StepAsync(FinancingDb db, BusinessPlan plan, Refusal? refused, CancellationToken ct)
    {
        if (refused is not null) return refused.ToProblem();
        db.Track(plan);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await DetailsAsync(db, plan.Id, ct));
    }

    /// <summary>
    /// A tranche of a tenant programme's funds. The plan's and the programme's totals move under the programme's row
    /// lock. National programmes' funds are paid by the national unit (NationalReviewsApi).
    /// </summary>
    static async Task<Results<Created<PlanDetails>, NotFound, ProblemHttpResult>> Disburse(
        Guid id, DisbursementRequest request, FinancingDb db, ICurrentUser actor, TimeProvider clock, CancellationToken ct)
    {
        if (Money.Problem(request.AmountPen, allowZero: false) is { } bad) return Refusal.Unprocessable("amountPen", bad).ToProblem();
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        if (await db.LoadAsync(id, ct) is not { } plan) return TypedResults.NotFound();
        var programme = await db.LockProgrammeAsync(plan.ProgrammeId, ct);
        if (programme.IsNational) return NationalUnitDisburses().ToProblem();
        if (await db.DisburseAsync(plan, request, actor, clock, ct) is { } refusal) return refusal.ToProblem();
        programme.DisbursedPen += request.AmountPen;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/api/business-plans/{id}", await DetailsAsync(db, id, ct));
    }

    static async Task<Results<Created<PlanDetails>, NotFound, ProblemHttpResult>> RecordContribution(
        Guid id, ContributionRequest request, ClaimsPrincipal user, FinancingDb db, ICurrentUser actor, TimeProvider clock, CancellationToken ct)
    {
        if (Money.Problem(request.CashPen) is { } cash) return Refusal.Unprocessable("cashPen", cash).ToProblem();
        if (Money.Problem(request.InKindPen) is { } inKind) return Refusal.Unprocessable("inKindPen", inKind).ToProblem();
        if (request.CashPen + request.InKindPen == 0)
            return Refusal.Unprocessable("cashPen", "A contribution needs some cash or in-kind value. / Un aporte necesita algún valor en efectivo o en especie.").ToProblem();
        if (await db.LoadAsync(id, ct) is not { } plan) return TypedResults.NotFound();
        var network = await db.NetworkOfAsync(plan, ct);
        if (!user.ActsOn(network.SpecialistId)) return NotYourNetwork();
        if (plan.RefuseContribution() is { } refused) return refused.ToProblem();

        var contribution = new Contribution
        {
            PlanId = plan.Id, On = request.On!.Value, CashPen = request.CashPen, InKindPen = request.InKindPen,
            Description = request.Description.Trim(), RecordedBy = actor.Id, RecordedAt = clock.GetUtcNow(),
        };
        db.Contributions.Add(contribution);
        db.Track(plan, PlanIntegrationEvents.Contributed(plan, network, contribution));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/business-plans/{id}", await DetailsAsync(db, id, ct));
    }

    // ---- helpers ----

    static async Task<PlanDetails> DetailsAsync(FinancingDb db, Guid id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return PlanDetails.From((await db.LoadAsync(id, ct))!);
    }

    static async Task<bool> IsNationalAsync(FinancingDb db, BusinessPlan plan, CancellationToken ct) =>
        await db.Programmes.AnyAsync(p => p.Id == plan.ProgrammeId && p.OwnerTenantId == null, ct);

    static Refusal? Ineligible(Programme programme, FundableNetwork network)
    {
        if (programme.EligibleValueChains.Count > 0 && !programme.EligibleValueChains.Contains(network.ValueChainCode))
            return Refusal.Unprocessable("networkId", $"The programme does not finance the {network.ValueChainCode} chain. / El programa no financia la cadena {network.ValueChainCode}.");
        if (programme.EligibleRegions.Count > 0 && !programme.EligibleRegions.Contains(network.RegionCode))
            return Refusal.Unprocessable("networkId", $"The programme does not work in {network.RegionCode}. / El programa no trabaja en {network.RegionCode}.");
        if (network.Phase < programme.MinPhase)
            return Refusal.Unprocessable("networkId", $"The network must have reached phase {programme.MinPhase}. / La red debe haber alcanzado la fase {programme.MinPhase}.");
        return null;
    }

    static Refusal NotEditable(BusinessPlan plan) => Refusal.Conflict("status",
        $"Only draft or returned plans can be edited; this one is {plan.Status}. / Solo se editan planes en borrador o devueltos; este está en {plan.Status}.");

    static Refusal NationalUnitDecides() => Refusal.Forbidden("programmeId",
        "Plans on national programmes are decided by the national unit. / Los planes de programas nacionales los decide la unidad nacional.");

    static Refusal NationalUnitDisburses() => Refusal.Forbidden("programmeId",
        "The funds of national programmes are disbursed by the national unit. / Los fondos de los programas nacionales los desembolsa la unidad nacional.");

    static ProblemHttpResult NotYourNetwork() => Refusal.Forbidden(null,
        "This network is assigned to another specialist; only they, a supervisor or an admin can act on its plans. / " +
        "Esta red está asignada a otro especialista; solo él, un supervisor o un administrador pueden actuar sobre sus planes.").ToProblem();
}
