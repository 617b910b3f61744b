using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Financing.Infrastructure;
using RedesPlataforma.Financing.Plans;
using RedesPlataforma.Financing.Programmes;

namespace RedesPlataforma.Financing.NationalReviews;

/// <summary>
/// The national unit's desk for plans on national programmes: it reads and decides submissions only through
/// <c>national_reviews</c> (no titles, objectives, lines or producers), and pays national funds to approved plans.
/// A decision is one database transaction: the review and the programme's budget change as the national unit, the plan
/// (status, history with the national actor, outbox event with the plan's tenant) as the plan's tenant, on the same
/// connection (<see cref="TenantHandOff"/>), the tenant taken from the review row, never from the request.
/// </summary>
public static class NationalReviewsApi
{
    public static RouteGroupBuilder MapNationalReviewsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/national/reviews").WithTags("National reviews").RequireAuthorization(Policies.NationalUnit);
        api.MapGet("/", ListReviews).WithName("ListNationalReviews")
            .WithDescription("The national unit's review desk: plans on national programmes and its decisions on them.");
        api.MapGet("/{id:guid}", GetReview).WithName("GetNationalReview")
            .WithDescription("A plan on a national programme as the national desk reviews it.");
        api.MapPost("/{id:guid}/approve", (Guid id, TransitionRequest? request, FinancingDb db, IServiceProvider services, ICurrentUser actor,
            TimeProvider clock, CancellationToken ct) => DecideAsync(id, ReviewStatus.Approved, request?.Comment, db, services, actor, clock, ct))
            .WithName("ApproveNationalReview")
            .WithDescription("The national unit approves a submitted plan on a national programme, with an optional comment.");
        api.MapPost("/{id:guid}/reject", (Guid id, RejectRequest request, FinancingDb db, IServiceProvider services, ICurrentUser actor,
            TimeProvider clock, CancellationToken ct) => DecideAsync(id, ReviewStatus.Rejected, request.Reason.Trim(), db, services, actor, clock, ct))
            .WithName("RejectNationalReview")
            .WithDescription("The national unit rejects a submitted plan on a national programme, with a reason.");
        api.MapPost("/{id:guid}/return", (Guid id, ReturnRequest request, FinancingDb db, IServiceProvider services, ICurrentUser actor,
            TimeProvider clock, CancellationToken ct) => DecideAsync(id, ReviewStatus.Returned, request.Reason.Trim(), db, services, actor, clock, ct))
            .WithName("ReturnNationalReview")
            .WithDescription("The national unit returns a submitted plan on a national programme to its specialist, with a reason.");
        api.MapPost("/{id:guid}/disbursements", Disburse).WithName("DisburseNationalTranche")
            .WithDescription("The national unit records a tranche paid from a national programme's funds to an approved plan.");
        return api;
    }

    static async Task<Ok<Page<NationalReviewDto>>> ListReviews(
        [AsParameters] PageRequest page, [AsParameters] ReviewFilter filter, FinancingDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.Reviews.AsNoTracking()
            .Where(r => filter.Status == null || r.Status == filter.Status)
            .Where(r => filter.Programme == null || r.ProgrammeId == filter.Programme)
            .Where(r => filter.Tenant == null || r.TenantId == filter.Tenant)
            .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id)
            .Select(NationalReviewDto.Projection).ToPageAsync(page, ct));

    static async Task<Results<Ok<NationalReviewDto>, NotFound>> GetReview(Guid id, FinancingDb db, CancellationToken ct) =>
        await ReviewAsync(db, id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    /// <summary>
    /// Approves, rejects or returns a pending submission. Approval applies the programme's rules under the programme's
    /// row lock, as a tenant's approval of its own programme does, and commits the funds to the programme and to the
    /// tenant's budget row. The review's row lock makes a second decision on the same submission wait and then find it
    /// decided (409).
    /// </summary>
    static async Task<Results<Ok<NationalReviewDto>, NotFound, ProblemHttpResult>> DecideAsync(
        Guid id, ReviewStatus outcome, string? comment, FinancingDb db, IServiceProvider services, ICurrentUser actor, TimeProvider clock,
        CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        if (await LockReviewAsync(db, id, ct) is not { } review) return TypedResults.NotFound();
        var at = clock.GetUtcNow();
        if (review.Decide(outcome, actor, at, comment) is { } decided) return decided.ToProblem();
        if (outcome == ReviewStatus.Approved)
        {
            var programme = await db.LockProgrammeAsync(review.ProgrammeId, ct);
            if (programme.Commit(review.TotalPen, review.ProgrammeFundsPen, review.NetworkContributionPen) is { } refusal)
                return refusal.ToProblem();
            (await TenantBudgetAsync(db, review, ct)).CommittedPen += review.ProgrammeFundsPen;
        }

        var drifted = await db.InTenantAsync(services, review.TenantId, async tenantDb =>
        {
            var plan = await tenantDb.Plans.SingleOrDefaultAsync(p => p.Id == review.PlanId, ct);
            if (plan is null || !review.Matches(plan)) return PlanDrifted();
            switch (outcome)
            {
                case ReviewStatus.Approved:
                    if (plan.ApproveAsReviewed(actor, at, comment) is { } notApproved) return notApproved;
                    tenantDb.Track(plan, PlanIntegrationEvents.Approved(plan, await tenantDb.NetworkOfAsync(plan, ct), at));
                    break;
                case ReviewStatus.Rejected:
                    if (plan.Reject(actor, at, comment!) is { } notRejected) return notRejected;
                    tenantDb.Track(plan, PlanIntegrationEvents.Rejected(plan, await tenantDb.NetworkOfAsync(plan, ct), comment!, at));
                    break;
                default:
                    if (plan.Return(actor, at, comment) is { } notReturned) return notReturned;
                    tenantDb.Track(plan);
                    break;
            }
            await tenantDb.SaveChangesAsync(ct);
            return null;
        }, ct);
        if (drifted is not null) return drifted.ToProblem();

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok((await ReviewAsync(db, id, ct))!);
    }

    /// <summary>
    /// A tranche of national funds to an approved plan: the disbursement on the plan (as its tenant, with the same
    /// rules as a tenant programme's), the programme's, the tenant's and the review's totals, in one transaction under
    /// the programme's row lock.
    /// </summary>
    static async Task<Results<Created<NationalReviewDto>, NotFound, ProblemHttpResult>> Disburse(
        Guid id, DisbursementRequest request, FinancingDb db, IServiceProvider services, ICurrentUser actor, TimeProvider clock, CancellationToken ct)
    {
        if (Money.Problem(request.AmountPen, allowZero: false) is { } bad) return Refusal.Unprocessable("amountPen", bad).ToProblem();
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        if (await LockReviewAsync(db, id, ct) is not { } review) return TypedResults.NotFound();
        if (review.Disburse(request.AmountPen) is { } unpaid) return unpaid.ToProblem();
        var programme = await db.LockProgrammeAsync(review.ProgrammeId, ct);

        var refused = await db.InTenantAsync(services, review.TenantId, async tenantDb =>
        {
            var plan = await tenantDb.Plans.SingleAsync(p => p.Id == review.PlanId, ct);
            if (await tenantDb.DisburseAsync(plan, request, actor, clock, ct) is { } refusal) return refusal;
            await tenantDb.SaveChangesAsync(ct);
            return null;
        }, ct);
        if (refused is not null) return refused.ToProblem();

        programme.DisbursedPen += request.AmountPen;
        (await TenantBudgetAsync(db, review, ct)).DisbursedPen += request.AmountPen;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/api/national/reviews/{id}", (await ReviewAsync(db, id, ct))!);
    }

    // ---- helpers ----

    static Task<NationalReviewDto?> ReviewAsync(FinancingDb db, Guid id, CancellationToken ct) =>
        db.Reviews.AsNoTracking().Where(r => r.Id == id).Select(NationalReviewDto.Projection).SingleOrDefaultAsync(ct);

    /// <summary>Locks the review's row for the rest of the transaction, then reads it fresh.</summary>
    static async Task<NationalReview?> LockReviewAsync(FinancingDb db, Guid id, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM national_reviews WHERE id = {id} FOR UPDATE", ct);
        return await db.Reviews.SingleOrDefaultAsync(r => r.Id == id, ct);
    }

    /// <summary>The tenant's row of the programme's budget, created on its first approval. Called under the programme's row lock.</summary>
    static async Task<ProgrammeTenantBudget> TenantBudgetAsync(FinancingDb db, NationalReview review, CancellationToken ct)
    {
        if (await db.TenantBudgets.SingleOrDefaultAsync(b => b.ProgrammeId == review.ProgrammeId && b.TenantId == review.TenantId, ct) is { } budget)
            return budget;
        budget = new ProgrammeTenantBudget { ProgrammeId = review.ProgrammeId, TenantId = review.TenantId };
        db.TenantBudgets.Add(budget);
        return budget;
    }

    static Refusal PlanDrifted() => Refusal.Conflict("status",
        "The plan is no longer as it was submitted. / El plan ya no está como fue presentado.");
}
