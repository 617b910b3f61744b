using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Networks.Infrastructure;

namespace RedesPlataforma.Networks.Producers.Erasure;

/// <summary>Why the admin erases the producer's personal data.</summary>
public sealed record ErasureRequest([property: Required, EnumDataType(typeof(ErasureReason))] ErasureReason? Reason);

/// <summary>
/// Erasure of one producer's personal data on their request or on their consent's withdrawal (Ley 29733, docs/decisions/0028),
/// by a tenant admin: the producer stays as an anonymous member, so no figure changes; the other services learn of it
/// through ProducerErased.
/// </summary>
public static class ProducerErasureApi
{
    public static RouteGroupBuilder MapProducerErasure(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/erasure", EraseProducer).RequireAuthorization(Policies.TenantAdmin).WithName("EraseProducer")
            .WithDescription("Erases a producer's personal data (DNI, names, phone, exact birth year, mentions in free texts), " +
                "keeping them as an anonymous member; refused while they lead a network. Repeating it changes nothing.");
        return api;
    }

    static async Task<Results<Ok<ProducerDto>, NotFound, ProblemHttpResult>> EraseProducer(
        Guid id, ErasureRequest request, NetworksDb db, ICurrentUser actor, TimeProvider clock, DniHasher hasher, CancellationToken ct)
    {
        var producer = await db.Producers.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (producer is null) return TypedResults.NotFound();
        if (!producer.IsErased)
        {
            var led = await db.Networks.Where(n => n.LeaderProducerId == id).OrderBy(n => n.Name)
                .Select(n => new LedNetwork(n.Id, n.Name)).ToListAsync(ct);
            if (ErasureRules.Check(led) is { } refusal) return refusal.ToProblem();
            await EraseAsync(db, producer, request.Reason!.Value, actor, clock, hasher, ct);
        }
        return TypedResults.Ok((await ProducersApi.DetailsAsync(db, id, ct))!);
    }

    /// <summary>
    /// The free texts are scrubbed while the names are still known, then the row, its audit record and the event are saved
    /// in the same transaction. Of two concurrent erasures, the second fails on the row's version (409, "reload") and,
    /// retried, finds the producer already erased.
    /// </summary>
    private static async Task EraseAsync(
        NetworksDb db, Producer producer, ErasureReason reason, ICurrentUser actor, TimeProvider clock, DniHasher hasher, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        await FreeTextScrub.RunAsync(db, producer, ct);
        producer.Erase(reason, now, clock.PeruToday());
        db.Add(new ErasureRecord { ProducerId = producer.Id, Reason = reason, ErasedBy = actor.Id, ErasedAt = now });
        db.AddIntegrationEvent(ProducerIntegrationEvents.Erased(producer, hasher), producer.Id);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
