using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Reporting.Infrastructure;

namespace RedesPlataforma.Reporting.ReadModels;

/// <summary>
/// Clearing the read models, the first step of a rebuild: every entity row and cell of every tenant goes, in one
/// statement, and the services then republish their snapshots (fresh messages, so the inbox lets them in; consumers
/// upsert by id, so a snapshot that arrives twice counts once). The inbox is kept, so a late redelivery of an old
/// message is still ignored. Runs as the owner role: the service role cannot see, let alone delete, across tenants.
/// Pause the consumers (or the publishers) while it runs, or messages consumed meanwhile survive into the new state.
/// </summary>
public static class ReadModelsApi
{
    public static RouteHandlerBuilder MapReadModelsApi(this IEndpointRouteBuilder app) =>
        app.MapDelete("api/reporting/read-models", Clear).WithTags("Reporting: read models").RequireAuthorization(Policies.NationalUnit);

    static async Task<NoContent> Clear(IConfiguration configuration, CancellationToken ct)
    {
        var owner = configuration.GetConnectionString(DatabaseExtensions.OwnerConnectionName)
            ?? throw new InvalidOperationException($"Connection string '{DatabaseExtensions.OwnerConnectionName}' is not configured.");
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync(ct);
        await using var truncate = new NpgsqlCommand(
            $"TRUNCATE {string.Join(", ", ReadModelAccess.AllTables.Select(t => $"\"{t}\""))}", connection);
        await truncate.ExecuteNonQueryAsync(ct);
        return TypedResults.NoContent();
    }
}
