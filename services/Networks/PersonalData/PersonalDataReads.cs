using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Networks.Infrastructure;
using RedesPlataforma.Networks.Producers;

namespace RedesPlataforma.Networks.PersonalData;

/// <summary>
/// Records who read producers' personal data, one entry per request. The entry rides on the read itself: the next query
/// the request's context sends carries the entry's INSERT in front of its SELECT, so recording costs no round trip, and
/// the two run in one implicit transaction (an entry that cannot be written fails the read rather than going missing).
/// A producer's entry is written only when the producer exists in the tenant, so a 404 (an unknown id, or another
/// tenant's) records nothing. Row-level security checks the entry's tenant like every other row.
/// </summary>
public sealed class PersonalDataReads(NetworksDb db, ICurrentUser user, TimeProvider clock, IHttpContextAccessor http)
{
    internal static readonly DbCommandInterceptor Interceptor = new CarryingInterceptor();

    private static readonly JsonSerializerOptions QueryJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    private const string Insert = """
        INSERT INTO personal_data_reads (tenant_id, id, at, actor_id, actor_name, action, producer_id, query, rows, correlation_id)
        SELECT @pdr_tenant, @pdr_id, @pdr_at, @pdr_actor, @pdr_actor_name, @pdr_action, @pdr_producer, @pdr_query, @pdr_rows, @pdr_correlation
        WHERE @pdr_producer IS NULL OR EXISTS (SELECT 1 FROM producers WHERE id = @pdr_producer);
        """;

    public void ProducerOpened(Guid producerId) => Pend(PersonalDataAction.ProducerOpened, producerId, null, 1);

    public void ProducerDataExported(Guid producerId) => Pend(PersonalDataAction.ProducerDataExported, producerId, null, 1);

    public void ProducersListed(ProducerFilter filter, PageRequest page, int rows) =>
        Pend(PersonalDataAction.ProducersListed, null, new { filter, page = page.Number, pageSize = page.Size }, rows);

    public void ProducersExported(ProducerFilter filter, string format) =>
        Pend(PersonalDataAction.ProducersExported, null, new { filter, format }, null);

    /// <summary>Writes the entry now if no query carried it (for a read whose last query ran before it was known).</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (db.UnrecordedRead is not { } read) return;
        db.UnrecordedRead = null;
        await db.Database.ExecuteSqlRawAsync(Insert, Parameters(read), ct);
    }

    private void Pend(PersonalDataAction action, Guid? producerId, object? query, int? rows) =>
        db.UnrecordedRead = new PersonalDataRead
        {
            TenantId = db.RequiredTenantId(),
            At = clock.GetUtcNow(),
            ActorId = user.Id,
            ActorName = user.Name,
            Action = action,
            ProducerId = producerId,
            Query = query is null ? null : JsonSerializer.Serialize(query, QueryJson),
            Rows = rows,
            CorrelationId = http.HttpContext?.CorrelationId() ?? "",
        };

    private static NpgsqlParameter[] Parameters(PersonalDataRead read) =>
    [
        new("pdr_tenant", NpgsqlDbType.Uuid) { Value = read.TenantId },
        new("pdr_id", NpgsqlDbType.Uuid) { Value = read.Id },
        new("pdr_at", NpgsqlDbType.TimestampTz) { Value = read.At },
        new("pdr_actor", NpgsqlDbType.Uuid) { Value = (object?)read.ActorId ?? DBNull.Value },
        new("pdr_actor_name", NpgsqlDbType.Varchar) { Value = (object?)read.ActorName ?? DBNull.Value },
        new("pdr_action", NpgsqlDbType.Varchar) { Value = read.Action.ToString() },
        new("pdr_producer", NpgsqlDbType.Uuid) { Value = (object?)read.ProducerId ?? DBNull.Value },
        new("pdr_query", NpgsqlDbType.Jsonb) { Value = (object?)read.Query ?? DBNull.Value },
        new("pdr_rows", NpgsqlDbType.Integer) { Value = (object?)read.Rows ?? DBNull.Value },
        new("pdr_correlation", NpgsqlDbType.Varchar) { Value = read.CorrelationId },
    ];

    /// <summary>Puts the pending entry's INSERT in front of the next query the context sends: one command, one round trip.</summary>
    private sealed class CarryingInterceptor : DbCommandInterceptor
    {
        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Carry(command, eventData);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Carry(command, eventData);
            return ValueTask.FromResult(result);
        }

        private static void Carry(DbCommand command, CommandEventData eventData)
        {
            if (eventData.Context is not NetworksDb { UnrecordedRead: { } read } db) return;
            db.UnrecordedRead = null;
            command.CommandText = Insert + "\n" + command.CommandText;
            command.Parameters.AddRange(Parameters(read));
        }
    }
}
