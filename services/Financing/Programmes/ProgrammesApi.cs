using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.BuildingBlocks.Security;
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
        api.MapGet("/", ListProgrammes).WithName("ListProgrammes")
            .WithDescription("The programmes the caller can see: the national ones and their tenant's own.");
        api.MapGet("/{id:guid}", GetProgramme).WithName("GetProgramme")
            .WithDescription("One programme with its rules and budget.");
        api.MapGet("/{id:guid}/budgets", ListTenantBudgets).RequireAuthorization(Policies.NationalUnit)
            .WithName("ListProgrammeTenantBudgets")
            .WithDescription("Per tenant, what a national programme has committed and paid; for the national unit.");
        api.MapPost("/national", (PublishProgrammeRequest request, FinancingDb db, TimeProvider clock, CancellationToken ct) =>
            PublishAsync(request, db, clock, ct)).RequireAuthorization(Policies.NationalUnit).WithName("PublishNationalProgramme")
            .WithDescription("The national unit publishes a national programme that every tenant's networks may apply to.");
        api.MapPost("/", (PublishProgrammeRequest request, FinancingDb db, TimeProvider clock, CancellationToken ct) =>
            PublishAsync(request, db, clock, ct)).RequireAuthorization(Policies.TenantAdmin).WithName("PublishTenantProgramme")
            .WithDescription("A tenant admin publishes a programme of the tenant's own funds, for its networks only.");
        api.MapPut("/{id:guid}", UpdateProgramme).WithName("UpdateProgramme")
            .WithDescription("Replaces a programme's name, funder, budget, dates and rules; by its owner only, never below what is already committed.");
        api.MapPost("/{id:guid}/close", CloseProgramme).WithName("CloseProgramme")
            .WithDescription("Closes a programme, by its owner: no new plans or approvals; approved plans keep their disbursements.");
        return api;
    }

    static async Task<Ok<Page<ProgrammeDto>>> ListProgrammes([AsParameters] PageRequest page, FinancingDb db, CancellationToken ct)
    {
        var read = await Readings(db, db.Programmes.OrderBy(p => p.Name).ThenBy(p => p.Id)).ToPageAsync(page, ct);
        return TypedResults.Ok(new Page<ProgrammeDto>([.. read.Items.Select(r => ProgrammeDto.Of(r, db.CurrentTenantId))], read.PageNumber, read.PageSize, read.TotalCount));
    }

    static async Task<Results<Ok<ProgrammeDto>, NotFound>> GetProgramme(Guid id, FinancingDb db, CancellationToken ct) =>
        await ReadAsync(db, id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    /// <summary>Programmes with the caller's own budget row: none for the national unit, whose tenant id is null.</summary>
    static IQueryable<ProgrammeReading> Readings(FinancingDb db, IQueryable<Programme> programmes) =>
        programmes.AsNoTracking().Select(p => new ProgrammeReading(p, p.TenantBudgets.FirstOrDefault(b => b.TenantId == db.CurrentTenantId)));

    static async Task<ProgrammeDto?> ReadAsync(FinancingDb db, Guid id, CancellationToken ct) =>
        await Readings(db, db.Programmes.Where(p => p.Id == id)).SingleOrDefaultAsync(ct) is { } reading ? ProgrammeDto.Of(reading, db.CurrentTenantId) : null;

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
        if (Refuse(request, national: db.CurrentTenantId is null) is { } refusal) return refusal.ToProblem();
        var programme = new Programme
        {
            OwnerTenantId = db.CurrentTenantId, Name = request.Name.Trim(), Funder = request.Funder.Trim(), TotalBudgetPen = request.TotalBudgetPen,
            StartsOn = request.StartsOn!.Value, EndsOn = request.EndsOn!.Value, MaxProgrammeFundsPerPlanPen = request.MaxProgrammeFundsPerPlanPen,
            MinNetworkContributionShare = request.MinNetworkContributionShare, MinPhase = request.MinPhase, IsPublic = request.IsPublic,
            EligibleValueChains = [.. (request.EligibleValueChains ?? []).Select(c => c.Trim()).Distinct()],
            EligibleRegions = [.. (request.EligibleRegions ?? []).Select(r => Regions.Find(r)!.Code).Distinct()],
        };
        db.Programmes.Add(programme);
        db.AddIntegrationEvent(ProgrammeIntegrationEvents.Published(programme, clock.GetUtcNow()), programme.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/programmes/{programme.Id}", (await ReadAsync(db, programme.Id, ct))!);
    }

    /// <summary>
    /// Under the programme's row lock, so an approval racing the edit either commits first (and the new budget must
    /// still cover it) or sees the new terms.
    /// </summary>
    static Task<Results<Ok<ProgrammeDto>, NotFound, ProblemHttpResult>> UpdateProgramme(
        Guid id, PublishProgrammeRequest request, ClaimsPrincipal user, FinancingDb db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, user, db, clock, ct, programme =>
        {
            if (Refuse(request, programme.IsNational) is { } refusal) return refusal;
            if (request.TotalBudgetPen < programme.CommittedPen)
                return Refusal.Unprocessable("totalBudgetPen",
                    $"Approved plans already commit {programme.CommittedPen:0.00}; the budget cannot be less. / Los planes aprobados ya comprometen {programme.CommittedPen:0.00}; el presupuesto no puede ser menor.");
            (programme.Name, programme.Funder, programme.TotalBudgetPen, programme.StartsOn, programme.EndsOn) =
                (request.Name.Trim(), request.Funder.Trim(), request.TotalBudgetPen, request.StartsOn!.Value, request.EndsOn!.Value);
            (programme.MaxProgrammeFundsPerPlanPen, programme.MinNetworkContributionShare, programme.MinPhase, programme.IsPublic) =
                (request.MaxProgrammeFundsPerPlanPen, request.MinNetworkContributionShare, request.MinPhase, request.IsPublic);
            programme.EligibleValueChains = [.. (request.EligibleValueChains ?? []).Select(c => c.Trim()).Distinct()];
            programme.EligibleRegions = [.. (request.EligibleRegions ?? []).Select(r => Regions.Find(r)!.Code).Distinct()];
            return null;
        });

    static Task<Results<Ok<ProgrammeDto>, NotFound, ProblemHttpResult>> CloseProgramme(
        Guid id, ClaimsPrincipal user, FinancingDb db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, user, db, clock, ct, programme =>
        {
            programme.ClosedAt = clock.GetUtcNow();
            return null;
        });

    /// <summary>
    /// Changes a programme its caller owns and publishes ProgrammeChanged. National programmes belong to the national
    /// unit, a tenant's to its admins (row-level security lets only the owner write; this answers 403 before it would).
    /// A closed programme is final.
    /// </summary>
    private static async Task<Results<Ok<ProgrammeDto>, NotFound, ProblemHttpResult>> ChangeAsync(
        Guid id, ClaimsPrincipal user, FinancingDb db, TimeProvider clock, CancellationToken ct, Func<Programme, Refusal?> change)
    {
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        if (!await db.Programmes.AnyAsync(p => p.Id == id, ct)) return TypedResults.NotFound();
        var programme = await db.LockProgrammeAsync(id, ct);
        var owner = programme.IsNational ? user.IsInRole(PlatformRoles.NationalUnit) : user.IsInRole(PlatformRoles.TenantAdmin);
        if (!owner || programme.OwnerTenantId != db.CurrentTenantId)
            return Refusal.Forbidden("id", "Only the programme's owner changes it: the national unit its national programmes, a tenant admin the institution's own. / " +
                "Solo el dueño cambia el programa: la unidad nacional los nacionales, el administrador de la institución los propios.").ToProblem();
        if (programme.RefuseChange() is { } closed) return closed.ToProblem();
        if (change(programme) is { } refusal) return refusal.ToProblem();

        db.AddIntegrationEvent(ProgrammeIntegrationEvents.Changed(programme, clock.GetUtcNow()), programme.Id);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok((await ReadAsync(db, id, ct))!);
    }

    static Refusal? Refuse(PublishProgrammeRequest request, bool national)
    {
        if (request.IsPublic && !national)
            return Refusal.Unprocessable("isPublic",
                "Only a national programme is made public: a tenant's programme is seen by its own tenant only. / " +
                "Solo un programa nacional se hace público: el programa de una institución solo lo ve ella.");
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
