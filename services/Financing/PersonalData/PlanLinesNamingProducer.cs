using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Audit;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Financing.Infrastructure;
using RedesPlataforma.Financing.Plans;

namespace RedesPlataforma.Financing.PersonalData;

/// <summary>
/// Who to look for: Financing holds no producer, so the portal passes the name and networks it read from Networks, in
/// the body, which keeps them out of URLs and access logs.
/// </summary>
public sealed record PlanLinesNamingRequest(
    [property: Required, StringLength(201, MinimumLength = 2)] string FullName,
    [property: Required, MaxLength(200)] IReadOnlyList<Guid> NetworkIds);

public sealed record NamingPlanLine(
    Guid PlanId, string PlanTitle, Guid NetworkId, PlanStatus PlanStatus, int Position, BudgetCategory Category, string Description,
    decimal Quantity, decimal UnitCostPen, decimal AmountPen);

/// <summary>Financing's part of a producer's data bundle: the budget lines of their networks' plans that name them, and nothing else.</summary>
public sealed record FinancingDataPart(string Service, Guid ProducerId, IReadOnlyList<NamingPlanLine> PlanLines);

/// <summary><c>POST api/financing/personal-data/producers/{id}</c>, for the producer's access request (decision 0027); a search, not a change.</summary>
public static class PlanLinesNamingProducer
{
    public static RouteGroupBuilder MapPersonalDataApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/financing").WithTags("Personal data");
        api.MapPost("/personal-data/producers/{id:guid}", Find).RequireAuthorization(Policies.TenantAdmin).WithName("FindPlanLinesNamingProducer")
            .WithDescription("The budget lines of the given networks' plans whose description names the producer; recorded as a read of personal data.");
        api.MapPersonalDataReads();
        return api;
    }

    static async Task<Ok<FinancingDataPart>> Find(Guid id, PlanLinesNamingRequest request, FinancingDb db, PersonalDataReads reads, CancellationToken ct)
    {
        reads.ProducerRead(PersonalDataAction.ProducerDataExported, id);
        var networks = request.NetworkIds.ToList();
        // Free text cannot be matched in SQL as a person reads a name: the networks' lines are read and matched here.
        var lines = await (
            from l in db.BudgetLines.AsNoTracking()
            join p in db.Plans on l.PlanId equals p.Id
            where networks.Contains(p.NetworkId)
            orderby p.CreatedAt, l.Position
            select new NamingPlanLine(p.Id, p.Title, p.NetworkId, p.Status, l.Position, l.Category, l.Description, l.Quantity, l.UnitCostPen, l.AmountPen))
            .ToListAsync(ct);
        return TypedResults.Ok(new FinancingDataPart("financing", id, [.. lines.Where(l => FoldedText.Mentions(l.Description, request.FullName))]));
    }
}
