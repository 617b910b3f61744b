using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Financing.Access;
using RedesPlataforma.Financing.Infrastructure;
using RedesPlataforma.Financing.Plans;

namespace RedesPlataforma.Financing.Programmes;

/// <summary>
/// Programmes: the national unit publishes national ones, a tenant admin creates the tenant's own. Everyone signed in
/// reads what they may see: national programmes, plus their own tenant's.
/// </summary>
public static class ProgrammesApi
{
    public static RouteGroupBuilder MapProgrammesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/programmes").WithTags("Programmes").RequireAuthorization(Policies.Authenticated);
        api.MapGet("/", ListProgrammes);
        api.MapGet("/{id:guid}", GetProgramme);
        api.MapGet("/{id:guid}/budgets", ListTenantBudgets).RequireAuthorization(Policies.NationalUnit);
        api.MapPost("/national", (PublishProgrammeRequest request, FinancingDb db, TimeProvider clock, CancellationToken ct) =>
            PublishAsync(request, db, clock, ct)).RequireAuthorization(Policies.NationalUnit);
        api.MapPost("/", (PublishProgrammeRequest request, FinancingDb db, TimeProvider clock, CancellationToken ct) =>
            PublishAsync(request, db, clock, ct)).RequireAuthorization(Policies.TenantAdmin);
        return api;
    }

    static async Task<Ok<Page<ProgrammeDto>>> ListProgrammes([AsParameters] PageRequest page, FinancingDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.Programmes.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Id).Select(ProgrammeDto.Projection(db.CurrentTenantId)).ToPageAsync(page, ct));

    static async Task<Results<Ok<ProgrammeDto>, NotFound>> GetProgramme(Guid id, FinancingDb db, CancellationToken ct) =>
        await db.Programmes.AsNoTracking().Where(p => p.Id == id).Select(ProgrammeDto.Projection(db.CurrentTenantId)).SingleOrDefaultAsync(ct) is { } dto
            ? TypedResults.Ok(dto) : TypedResults.NotFound();

    /// <summary>
    /// Per tenant, what a national programme has committed and disbursed. Only the national unit asks; it sees national
    /// programmes only, so a tenant programme is unknown (404).
    /// </summary>
    static async Task<Results<Ok<Page<TenantBudgetDto>>, NotFound>> ListTenantBudgets(
        Guid id, [AsParameters] PageRequest page, FinancingDb db, CancellationToken ct)
    {
        if (!await db.Programmes.AnyAsync(p => p.Id == id, ct)) return TypedResults.NotFound();
        return TypedResults.Ok(await db.TenantBudgets.AsNoTracking().Where(b => b.ProgrammeId == id)
            .OrderByDescending(b => b.CommittedPen).ThenBy(b => b.TenantId)
            .Select(b => new TenantBudgetDto(b.TenantId, b.CommittedPen, b.DisbursedPen)).ToPageAsync(page, ct));
    }

    /// <summary>The owner is the caller's tenant, or none for the national unit: never taken from the body.</summary>
    static async Task<Results<Created<ProgrammeDto>, ProblemHttpResult>> PublishAsync(
        PublishProgrammeRequest request, FinancingDb db, TimeProvider clock, CancellationToken ct)
    {
        if (Refuse(request) is { } refusal) return refusal.ToProblem();
        var programme = new Programme
        {
            OwnerTenantId = db.CurrentTenantId, Name = request.Name.Trim(), Funder = request.Funder.Trim(), TotalBudgetPen = request.TotalBudgetPen,
            StartsOn = request.StartsOn!.Value, EndsOn = request.EndsOn!.Value, MaxProgrammeFundsPerPlanPen = request.MaxProgrammeFundsPerPlanPen,
            MinNetworkContributionShare = request.MinNetworkContributionShare, MinPhase = request.MinPhase,
            EligibleValueChains = [.. (request.EligibleValueChains ?? []).Select(c => c.Trim()).Distinct()],
            EligibleRegions = [.. (request.EligibleRegions ?? []).Select(r => Regions.Find(r)!.Code).Distinct()],
        };
        db.Programmes.Add(programme);
        db.AddIntegrationEvent(ProgrammeIntegrationEvents.Published(programme, clock.GetUtcNow()), programme.Id);
        await db.SaveChangesAsync(ct);
        var dto = await db.Programmes.AsNoTracking().Where(p => p.Id == programme.Id).Select(ProgrammeDto.Projection(db.CurrentTenantId)).SingleAsync(ct);
        return TypedResults.Created($"/api/programmes/{programme.Id}", dto);
    }

    static Refusal? Refuse(PublishProgrammeRequest request)
    {
        if (Money.Problem(request.TotalBudgetPen, allowZero: false) is { } budget) return Refusal.Unprocessable("totalBudgetPen", budget);
        if (Money.Problem(request.MaxProgrammeFundsPerPlanPen, allowZero: false) is { } max) return Refusal.Unprocessable("maxProgrammeFundsPerPlanPen", max);
        if (request.MaxProgrammeFundsPerPlanPen > request.TotalBudgetPen)
            return Refusal.Unprocessable("maxProgrammeFundsPerPlanPen",
                "The per-plan maximum cannot exceed the total budget. / El máximo por plan no puede exceder el presupuesto total.");
        if (request.MinNetworkContributionShare is < 0 or >= 1 || decimal.Round(request.MinNetworkContributionShare, 4) != request.MinNetworkContributionShare)
            return Refusal.Unprocessable("minNetworkContributionShare",
                "The minimum contribution share is a fraction from 0 to below 1, with at most four decimals (0.30 = 30%). / " +
                "La participación mínima es una fracción de 0 a menos de 1, con a lo más cuatro decimales (0.30 = 30%).");
        if (request.EndsOn < request.StartsOn)
            return Refusal.Unprocessable("endsOn", "The period ends before it starts. / El periodo termina antes de empezar.");
        if ((request.EligibleRegions ?? []).FirstOrDefault(r => !Regions.IsKnown(r)) is { } region)
            return Refusal.Unprocessable("eligibleRegions", $"Unknown region {region}. / Región desconocida {region}.");
        if ((request.EligibleValueChains ?? []).Any(c => string.IsNullOrWhiteSpace(c) || c.Length > 40))
            return Refusal.Unprocessable("eligibleValueChains", "Value chain codes are 1 to 40 characters. / Los códigos de cadena tienen de 1 a 40 caracteres.");
        return null;
    }
}
