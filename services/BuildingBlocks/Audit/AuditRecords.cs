using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using RedesPlataforma.BuildingBlocks.Peru;

namespace RedesPlataforma.BuildingBlocks.Audit;

/// <summary>An append-only audit row: who acted and when. Each service keeps its own, in its own database.</summary>
public interface IAuditRecord
{
    Guid Id { get; }
    DateTimeOffset At { get; }
    Guid? ActorId { get; }
}

/// <summary>
/// The filters every audit log shares. <c>Actor</c>: the actor's user id. <c>From</c> and <c>To</c>: Peru dates, both
/// included. Their rule sits on the properties: on the constructor's parameters it breaks ASP.NET's OpenAPI document for
/// an <c>[AsParameters]</c> type (the merged attributes cannot be cast).
/// </summary>
public sealed record AuditWindow(Guid? Actor, [property: PlausibleDate] DateOnly? From, [property: PlausibleDate] DateOnly? To)
{
    /// <summary>The entries of the actor and Peru dates, newest first (the id breaks ties between entries of one instant).</summary>
    public IOrderedQueryable<T> Apply<T>(IQueryable<T> entries) where T : class, IAuditRecord
    {
        var (from, until) = (From?.StartOfPeruDay(), To?.AddDays(1).StartOfPeruDay());
        return entries
            .Where(a => Actor == null || a.ActorId == Actor)
            .Where(a => from == null || a.At >= from)
            .Where(a => until == null || a.At < until)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id);
    }

    /// <summary>
    /// The dates' rule, checked here for an endpoint mapped in the building blocks: a service's validation generator sees
    /// only the endpoints mapped in its own assembly.
    /// </summary>
    public ValidationProblem? Problem()
    {
        var rule = new PlausibleDateAttribute();
        var errors = new[] { ("from", From), ("to", To) }.Where(d => !rule.IsValid(d.Item2))
            .ToDictionary(d => d.Item1, d => new[] { rule.FormatErrorMessage(d.Item1) });
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : null;
    }
}
