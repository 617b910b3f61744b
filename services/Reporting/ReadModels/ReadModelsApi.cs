using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Contracts.Reporting;
using RedesPlataforma.Reporting.Infrastructure;

namespace RedesPlataforma.Reporting.ReadModels;

/// <summary>
/// Clearing the read models, and rebuilding them. Clearing removes every entity row and cell of every tenant in one
/// statement. A rebuild clears and then asks the owning services to republish their snapshots (fresh messages, so the
/// inbox lets them in; consumers upsert by id, so a snapshot that arrives twice counts once). The inbox is kept, so a
/// late redelivery of an old message is still ignored. Clearing runs as the owner role: the service role cannot see,
/// let alone delete, across tenants. Pause the publishers while it runs, or messages consumed meanwhile survive into
/// the new state (harmless for a rebuild: the snapshots that follow are newer).
/// </summary>
public static class ReadModelsApi
{
    public static RouteGroupBuilder MapReadModelsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/reporting").WithTags("Reporting: read models").RequireAuthorization(Policies.NationalUnit);
        api.MapDelete("/read-models", Clear).WithName("ClearReadModels")
            .WithDescription("Empties Reporting's read models, for the national unit (a repair step before a rebuild).");
        api.MapPost("/rebuild", Rebuild).WithName("RebuildReadModels")
            .WithDescription("Rebuilds Reporting's read models from the services' event history.");
        return api;
    }

    public sealed record RebuildAccepted(Guid RebuildId);

    static async Task<NoContent> Clear(IConfiguration configuration, CancellationToken ct)
    {
        await ClearAsync(configuration, ct);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The request is queued in Reporting's outbox after the clear commits (the clear runs as another role, on its own
    /// connection): if queuing fails the caller gets an error and posts again, and clearing twice is harmless. The
    /// request is national, so it is queued outside the caller's tenant and travels without a tenant header.
    /// </summary>
    static async Task<Accepted<RebuildAccepted>> Rebuild(
        IConfiguration configuration, IServiceProvider services, ICurrentTenant currentTenant, TimeProvider clock, CancellationToken ct)
    {
        await ClearAsync(configuration, ct);
        var rebuild = new ReadModelRebuildRequested(Guid.CreateVersion7(), clock.GetUtcNow());
        using (currentTenant.Change(null))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReportingDb>();
            db.AddIntegrationEvent(rebuild, rebuild.RebuildId);
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Accepted((string?)null, new RebuildAccepted(rebuild.RebuildId));
    }

    private static async Task ClearAsync(IConfiguration configuration, CancellationToken ct)
    {
        var owner = DatabaseExtensions.RequiredConnectionString(configuration, DatabaseExtensions.OwnerConnectionName);
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync(ct);
        await using var truncate = new NpgsqlCommand(
            $"TRUNCATE {string.Join(", ", ReadModelAccess.AllTables.Select(t => $"\"{t}\""))}", connection);
        await truncate.ExecuteNonQueryAsync(ct);
    }
}
