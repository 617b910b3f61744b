using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.BuildingBlocks.Security;

namespace RedesPlataforma.BuildingBlocks.Audit;

/// <summary>A recorded read. <c>Query</c>: the list's filters as JSON; <c>Rows</c>: how many producers it showed.</summary>
public sealed record PersonalDataReadDto(
    Guid Id, DateTimeOffset At, Guid? ActorId, string? ActorName, PersonalDataAction Action, Guid? ProducerId, string? Query, int? Rows,
    string CorrelationId);

/// <summary><c>Action</c>: one kind of read; <c>Producer</c>: the reads of one producer's record or data.</summary>
public sealed record PersonalDataReadFilter([property: EnumDataType(typeof(PersonalDataAction))] PersonalDataAction? Action, Guid? Producer)
{
    public IQueryable<PersonalDataRead> Apply(IQueryable<PersonalDataRead> reads) => reads
        .Where(r => Action == null || r.Action == Action)
        .Where(r => Producer == null || r.ProducerId == Producer);
}

public static class PersonalDataReadsApi
{
    /// <summary>
    /// <c>GET {group}/personal-data/reads</c>: who read producers' personal data in this service, for the tenant's admins,
    /// who answer for it under Ley 29733.
    /// </summary>
    public static RouteHandlerBuilder MapPersonalDataReads(this RouteGroupBuilder group) =>
        group.MapGet("/personal-data/reads", ListReads).RequireAuthorization(Policies.TenantAdmin).WithName("ListPersonalDataReads")
            .WithDescription("The tenant's recorded reads of producers' personal data, newest first, filtered by actor, action, producer and Peru dates.");

    static async Task<Results<Ok<Page<PersonalDataReadDto>>, ValidationProblem>> ListReads(
        [AsParameters] PageRequest page, [AsParameters] AuditWindow window, [AsParameters] PersonalDataReadFilter filter, PersonalDataReads reads, CancellationToken ct)
    {
        if (window.Problem() is { } problem) return problem;
        return TypedResults.Ok(await window.Apply(filter.Apply(reads.Entries))
            .Select(r => new PersonalDataReadDto(r.Id, r.At, r.ActorId, r.ActorName, r.Action, r.ProducerId, r.Query, r.Rows, r.CorrelationId))
            .ToPageAsync(page, ct));
    }
}
