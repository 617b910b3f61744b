using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RedesPlataforma.BuildingBlocks.Audit;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Networks.Access;
using RedesPlataforma.Networks.Infrastructure;
using RedesPlataforma.Networks.PersonalData;
using RedesPlataforma.Networks.Places;
using RedesPlataforma.Networks.Producers.Erasure;
using RedesPlataforma.Networks.Producers.Export;
using RedesPlataforma.Networks.Producers.Import;

namespace RedesPlataforma.Networks.Producers;

public static class ProducersApi
{
    private const string DniIndex = "ix_producers_tenant_id_dni";

    /// <summary>Every role of the tenant reads; specialists, supervisors and admins write (specialists only the producers they registered).</summary>
    public static RouteGroupBuilder MapProducersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/producers").WithTags("Producers");
        api.MapGet("/", ListProducers).RequireAuthorization(Policies.TenantMember).WithName("ListProducers")
            .WithDescription("The tenant's producers, filtered and paged.");
        api.MapGet("/{id:guid}", GetProducer).RequireAuthorization(Policies.TenantMember).WithName("GetProducer")
            .WithDescription("One producer with their personal data.");
        api.MapPost("/", RegisterProducer).RequireAuthorization(Policies.Specialist).WithName("RegisterProducer")
            .WithDescription("Registers a producer, with their consent to the processing of their personal data; the DNI is unique within the tenant.");
        api.MapPut("/{id:guid}", UpdateProducer).RequireAuthorization(Policies.Specialist).WithName("UpdateProducer")
            .WithDescription("Replaces a producer's data; specialists only for producers they registered.");
        api.MapPost("/{id:guid}/deactivate", (Guid id, ClaimsPrincipal user, NetworksDb db, TimeProvider clock, DniHasher dni, CancellationToken ct) =>
            SetActiveAsync(id, false, user, db, clock, dni, ct)).RequireAuthorization(Policies.Specialist)
            .WithName("DeactivateProducer")
            .WithDescription("Marks a producer inactive; specialists only for producers they registered.");
        api.MapPost("/{id:guid}/reactivate", (Guid id, ClaimsPrincipal user, NetworksDb db, TimeProvider clock, DniHasher dni, CancellationToken ct) =>
            SetActiveAsync(id, true, user, db, clock, dni, ct)).RequireAuthorization(Policies.Specialist)
            .WithName("ReactivateProducer")
            .WithDescription("Marks an inactive producer active again; specialists only for producers they registered.");
        api.MapGet("/{id:guid}/incomes", ListIncomes).RequireAuthorization(Policies.TenantMember).WithName("ListProducerIncomes")
            .WithDescription("A producer's recorded incomes.");
        api.MapPost("/{id:guid}/incomes", RecordIncome).RequireAuthorization(Policies.Specialist).WithName("RecordProducerIncome")
            .WithDescription("Records an income of a producer.");
        api.MapProducerImport();
        api.MapProducerExport();
        api.MapProducerErasure();
        api.MapPersonalDataReads();
        api.MapProducerDataExport();
        return api;
    }

    /// <summary>Every page shows its rows' DNIs, so every page is a recorded read of personal data (decision 0027).</summary>
    static async Task<Ok<Page<ProducerSummary>>> ListProducers(
        [AsParameters] PageRequest page, [AsParameters] ProducerFilter filter, NetworksDb db, PersonalDataReads reads, CancellationToken ct)
    {
        var rows = await ProducerList.PageWithoutVersionsAsync(db, filter, page, ct);
        reads.ProducersRead(PersonalDataAction.ProducersListed, new { filter, page = page.Number, pageSize = page.Size }, rows.Items.Count);
        var listed = await ProducerList.WithVersionsAsync(db, rows, ct);
        await reads.FlushAsync(ct);
        return TypedResults.Ok(listed);
    }

    static async Task<Results<Ok<ProducerDto>, NotFound>> GetProducer(Guid id, NetworksDb db, PersonalDataReads reads, HttpResponse response, CancellationToken ct)
    {
        reads.ProducerRead(PersonalDataAction.ProducerOpened, id);
        if (await DetailsAsync(db, id, ct) is not { } producer) return TypedResults.NotFound();
        response.SetETag(producer.Version);
        return TypedResults.Ok(producer);
    }

    static async Task<Results<Created<ProducerDto>, ValidationProblem, ProblemHttpResult>> RegisterProducer(
        ProducerRequest request, ClaimsPrincipal user, NetworksDb db, TimeProvider clock, DniHasher hasher, HttpResponse response, CancellationToken ct)
    {
        if (Invalid(request, clock) is { } invalid) return invalid;
        if (request.ConsentGiven != true) return ProducerProblems.ConsentRequired();
        var district = await ProducerDistricts.FindAsync(db, request.DistrictCode, request.DistrictCoding, ct);
        if (district is null) return UnknownDistrict(request);
        var dni = Dni.Normalize(request.Dni)!;
        if (await db.Producers.AnyAsync(p => p.Dni == dni, ct)) return ProducerProblems.DniTaken();

        var producer = new Producer
        {
            TenantId = db.RequiredTenantId(),
            Dni = dni, FirstNames = request.FirstNames, LastNames = request.LastNames,
            DistrictCode = district.Code, RegionCode = district.RegionCode, RegisteredBy = user.UserId(),
        };
        Apply(request, district, producer);
        db.Producers.Add(producer);
        db.AddIntegrationEvent(ProducerIntegrationEvents.Registered(producer, clock.GetUtcNow(), hasher), producer.Id);
        if (!await TrySaveAsync(db, ct)) return ProducerProblems.DniTaken();
        var created = (await DetailsAsync(db, producer.Id, ct))!;
        response.SetETag(created.Version);
        return TypedResults.Created($"/api/producers/{producer.Id}", created);
    }

    /// <summary>Replaces the producer; with <c>If-Match</c>, only if it is still the version the client read (else 412).</summary>
    static async Task<Results<Ok<ProducerDto>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateProducer(
        Guid id, ProducerRequest request, ClaimsPrincipal user, NetworksDb db, TimeProvider clock, DniHasher hasher, HttpContext http, CancellationToken ct)
    {
        var producer = await db.Producers.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (producer is null) return TypedResults.NotFound();
        if (!user.CanEditProducer(producer.RegisteredBy)) return ProducerProblems.NotYourProducer();
        if (ErasureRules.CheckUse(producer, "dni") is { } erased) return erased.ToProblem();
        if (Preconditions.Stale(http.Request, producer.Version) is { } readStale) return readStale;
        if (Invalid(request, clock) is { } invalid) return invalid;
        if (request.ConsentGiven != true) return ProducerProblems.ConsentRequired();
        var district = await ProducerDistricts.FindAsync(db, request.DistrictCode, request.DistrictCoding, ct);
        if (district is null) return UnknownDistrict(request);
        var dni = Dni.Normalize(request.Dni)!;
        if (dni != producer.Dni && await db.Producers.AnyAsync(p => p.Dni == dni && p.Id != id, ct)) return ProducerProblems.DniTaken();

        producer.Dni = dni;
        Apply(request, district, producer);
        db.AddIntegrationEvent(ProducerIntegrationEvents.Changed(producer, clock.GetUtcNow(), hasher), producer.Id);
        try
        {
            // A write that committed since the read above changed the version: 412, never a lost update.
            if (await db.SaveChangesOrPreconditionFailedAsync(c => CurrentVersionAsync(db, id, c), ct) is { } stale) return stale;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: DniIndex })
        {
            return ProducerProblems.DniTaken();
        }
        var updated = (await DetailsAsync(db, id, ct))!;
        http.Response.SetETag(updated.Version);
        return TypedResults.Ok(updated);
    }

    static async Task<Results<Ok<ProducerDto>, NotFound, ProblemHttpResult>> SetActiveAsync(
        Guid id, bool active, ClaimsPrincipal user, NetworksDb db, TimeProvider clock, DniHasher hasher, CancellationToken ct)
    {
        var producer = await db.Producers.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (producer is null) return TypedResults.NotFound();
        if (!user.CanEditProducer(producer.RegisteredBy)) return ProducerProblems.NotYourProducer();
        if (producer.IsActive != active)
        {
            producer.IsActive = active;
            db.AddIntegrationEvent(ProducerIntegrationEvents.Changed(producer, clock.GetUtcNow(), hasher), producer.Id);
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok((await DetailsAsync(db, id, ct))!);
    }

    static async Task<Results<Ok<List<IncomeDto>>, NotFound>> ListIncomes(Guid id, NetworksDb db, CancellationToken ct)
    {
        if (!await db.Producers.AnyAsync(p => p.Id == id, ct)) return TypedResults.NotFound();
        return TypedResults.Ok(await db.ProducerIncomes.AsNoTracking().Where(i => i.ProducerId == id)
            .OrderBy(i => i.MeasuredOn).ThenBy(i => i.Id)
            .Select(i => new IncomeDto(i.Id, i.Kind, i.MeasuredOn, i.AnnualNetIncomePen, i.RecordedBy)).ToListAsync(ct));
    }

    static async Task<Results<Created<IncomeDto>, NotFound, ValidationProblem, ProblemHttpResult>> RecordIncome(
        Guid id, IncomeRequest request, ClaimsPrincipal user, NetworksDb db, TimeProvider clock, CancellationToken ct)
    {
        var registeredBy = await db.Producers.Where(p => p.Id == id).Select(p => new { p.RegisteredBy }).SingleOrDefaultAsync(ct);
        if (registeredBy is null) return TypedResults.NotFound();
        if (!user.CanEditProducer(registeredBy.RegisteredBy)) return ProducerProblems.NotYourProducer();
        if (request.MeasuredOn > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            return ProducerProblems.Invalid("measuredOn", "The measurement date cannot be in the future. / La fecha de medición no puede ser futura.");
        if (request.Kind == IncomeKind.Baseline && await db.ProducerIncomes.AnyAsync(i => i.ProducerId == id && i.Kind == IncomeKind.Baseline, ct))
            return ProducerProblems.BaselineExists();

        var income = new ProducerIncome
        {
            ProducerId = id, Kind = request.Kind!.Value, MeasuredOn = request.MeasuredOn!.Value,
            AnnualNetIncomePen = request.AnnualNetIncomePen!.Value, RecordedBy = user.UserId(),
        };
        db.ProducerIncomes.Add(income);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/producers/{id}/incomes",
            new IncomeDto(income.Id, income.Kind, income.MeasuredOn, income.AnnualNetIncomePen, income.RecordedBy));
    }

    /// <summary>The rules the validation attributes cannot state: the birth year's range moves with the clock, and consent needs its date.</summary>
    private static ValidationProblem? Invalid(ProducerRequest request, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        var maxYear = ProducerRules.MaxBirthYear(clock);
        if (!ProducerRules.IsValidBirthYear(request.BirthYear!.Value, clock))
            errors["birthYear"] = [$"The birth year must be between {ProducerRules.MinBirthYear} and {maxYear}. / El año de nacimiento debe estar entre {ProducerRules.MinBirthYear} y {maxYear}."];
        if (ProducerRules.CleanName(request.FirstNames).Length == 0) errors["firstNames"] = ["The first names are required. / Los nombres son obligatorios."];
        if (ProducerRules.CleanName(request.LastNames).Length == 0) errors["lastNames"] = ["The last names are required. / Los apellidos son obligatorios."];
        if (request.ConsentGiven == true && request.ConsentDate is null)
            errors["consentDate"] = ["The date the producer gave consent is required. / La fecha del consentimiento es obligatoria."];
        else if (request.ConsentDate > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            errors["consentDate"] = ["The consent date cannot be in the future. / La fecha del consentimiento no puede ser futura."];
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : null;
    }

    private static ValidationProblem UnknownDistrict(ProducerRequest request) => ProducerProblems.Invalid("districtCode",
        $"{request.DistrictCode} is not a UBIGEO district code{(request.DistrictCoding is { } coding ? $" ({coding})" : "")}. / " +
        $"{request.DistrictCode} no es un código UBIGEO de distrito.");

    private static void Apply(ProducerRequest request, District district, Producer producer)
    {
        producer.FirstNames = ProducerRules.CleanName(request.FirstNames);
        producer.LastNames = ProducerRules.CleanName(request.LastNames);
        producer.Gender = request.Gender!.Value;
        producer.BirthYear = request.BirthYear!.Value;
        producer.DistrictCode = district.Code;
        producer.RegionCode = district.RegionCode;
        producer.Phone = string.IsNullOrWhiteSpace(request.Phone) ? null : request.Phone.Trim();
        producer.ConsentGiven = true;
        producer.ConsentDate = request.ConsentDate;
    }

    /// <summary>False when a concurrent registration took the DNI between the check and the insert.</summary>
    private static async Task<bool> TrySaveAsync(NetworksDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: DniIndex })
        {
            return false;
        }
    }

    private static Task<uint?> CurrentVersionAsync(NetworksDb db, Guid id, CancellationToken ct) =>
        db.Producers.Where(p => p.Id == id).Select(p => (uint?)p.Version).SingleOrDefaultAsync(ct);

    internal static Task<ProducerDto?> DetailsAsync(NetworksDb db, Guid id, CancellationToken ct) =>
        (from p in db.Producers.AsNoTracking()
         join d in db.Districts on p.DistrictCode equals d.Code
         where p.Id == id
         select new ProducerDto(p.Id, p.Dni, p.FirstNames, p.LastNames, p.Gender, p.BirthYear, p.DistrictCode, d.Name, p.RegionCode,
             p.Phone, p.ConsentGiven, p.ConsentDate, p.IsActive, p.RegisteredBy, p.CreatedAt, p.UpdatedAt, Preconditions.Version(p.Version),
             p.ErasedAt, p.ConsentWithdrawnOn))
        .SingleOrDefaultAsync(ct);
}
