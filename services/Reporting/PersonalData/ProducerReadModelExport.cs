using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Audit;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Reporting.Infrastructure;

namespace RedesPlataforma.Reporting.PersonalData;

/// <summary>
/// What the figures keep of the person: no name, DNI or phone. <c>PseudonymousDniHash</c> says that a keyed hash of the
/// DNI is held (decision 0026), with its key version, never its value; <c>CountedAsPerson</c>, whether it counts them in
/// the tenant's people (<c>person_cells</c>).
/// </summary>
public sealed record ReportingProducer(
    Guid Id, string RegionCode, string Gender, int BirthYear, bool IsActive, DateOnly RegisteredMonth, bool PseudonymousDniHash,
    string? DniHashKeyVersion, bool CountedAsPerson);

public sealed record ReportingDataPart(string Service, ReportingProducer Producer);

/// <summary><c>GET api/reporting/personal-data/producers/{id}</c>, for the producer's access request (decision 0027).</summary>
public static class ProducerReadModelExport
{
    public static RouteGroupBuilder MapPersonalDataApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/reporting").WithTags("Personal data");
        api.MapGet("/personal-data/producers/{id:guid}", Export).RequireAuthorization(Policies.TenantAdmin).WithName("ExportProducerReadModel")
            .WithDescription("What the reports hold about one producer (never the DNI hash itself); recorded as a read of personal data.");
        api.MapPersonalDataReads();
        return api;
    }

    static async Task<Results<Ok<ReportingDataPart>, NotFound>> Export(Guid id, ReportingDb db, PersonalDataReads reads, CancellationToken ct)
    {
        reads.ProducerRead(PersonalDataAction.ProducerDataExported, id);
        var producer = await db.Producers.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new
            {
                p.Id, p.RegionCode, p.Gender, p.BirthYear, p.IsActive, p.RegisteredMonth, p.DniHash,
                Counted = db.PersonCells.Any(c => c.DniHash == p.DniHash && c.PersonProducers > 0),
            })
            .SingleOrDefaultAsync(ct);
        if (producer is null) return TypedResults.NotFound();
        return TypedResults.Ok(new ReportingDataPart("reporting", new ReportingProducer(producer.Id, producer.RegionCode, producer.Gender,
            producer.BirthYear, producer.IsActive, producer.RegisteredMonth, producer.DniHash is not null, producer.DniHash?.Split(':')[0],
            producer.Counted)));
    }
}
