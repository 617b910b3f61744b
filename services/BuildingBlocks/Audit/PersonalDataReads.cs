using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Security;

namespace RedesPlataforma.BuildingBlocks.Audit;

/// <summary>
/// Records who read producers' personal data, one entry per request. The entry rides on the read itself: the next query
/// the request's context sends carries the entry's INSERT in front of its SELECT, so recording costs no round trip, and
/// the two run in one implicit transaction (an entry that cannot be written fails the read rather than going missing).
/// A producer's entry is written only when the producer exists in the tenant (<see cref="IPersonalDataReadContext.ProducerTable"/>),
/// so a 404 (an unknown id, or another tenant's) records nothing. Row-level security checks the entry's tenant like every other row.
/// </summary>
public sealed class PersonalDataReads(DbContext db, ICurrentUser user, TimeProvider clock, IHttpContextAccessor http)
{
    public const string Table = "personal_data_reads";

    /// <summary>Added to every service context; it acts only on contexts that record reads.</summary>
    public static readonly DbCommandInterceptor Interceptor = new CarryingInterceptor();

    private static readonly JsonSerializerOptions QueryJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    private IPersonalDataReadContext Context => (IPersonalDataReadContext)db;

    /// <summary>The tenant's recorded reads, for the log.</summary>
    public IQueryable<PersonalDataRead> Entries => db.Set<PersonalDataRead>().AsNoTracking();

    public void ProducerRead(PersonalDataAction action, Guid producerId) => Pend(action, producerId, null, 1);

    /// <summary>A read of many producers: <paramref name="query"/> says which (filters, search) and is stored as JSON.</summary>
    public void ProducersRead(PersonalDataAction action, object query, int? rows) => Pend(action, null, query, rows);

    /// <summary>Writes the entry now if no query carried it (for a read whose last query ran before it was known).</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (Context.UnrecordedRead is not { } read) return;
        Context.UnrecordedRead = null;
        await db.Database.ExecuteSqlRawAsync(InsertSql(Context), Parameters(read), ct);
    }

    private void Pend(PersonalDataAction action, Guid? producerId, object? query, int? rows) =>
        Context.UnrecordedRead = new PersonalDataRead
        {
            TenantId = Context.RequiredTenantId(),
            At = clock.GetUtcNow(),
            ActorId = user.Id,
            ActorName = user.Name,
            Action = action,
            ProducerId = producerId,
            Query = query is null ? null : JsonSerializer.Serialize(query, QueryJson),
            Rows = rows,
            CorrelationId = http.HttpContext?.CorrelationId() ?? "",
        };

    private static string InsertSql(IPersonalDataReadContext context) => $"""
        INSERT INTO {Table} (tenant_id, id, at, actor_id, actor_name, action, producer_id, query, rows, correlation_id)
        SELECT @pdr_tenant, @pdr_id, @pdr_at, @pdr_actor, @pdr_actor_name, @pdr_action, @pdr_producer, @pdr_query, @pdr_rows, @pdr_correlation
        {(context.ProducerTable is { } producers ? $"WHERE @pdr_producer IS NULL OR EXISTS (SELECT 1 FROM {producers} WHERE id = @pdr_producer)" : "")};
        """;

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
            if (eventData.Context is not IPersonalDataReadContext { UnrecordedRead: { } read } context) return;
            context.UnrecordedRead = null;
            command.CommandText = InsertSql(context) + "\n" + command.CommandText;
            command.Parameters.AddRange(Parameters(read));
        }
    }
}

public static class PersonalDataReadsModel
{
    /// <summary>The <c>personal_data_reads</c> table; call before <c>ApplyTenantConventions</c>, and enable its row-level security in the migration.</summary>
    public static ModelBuilder AddPersonalDataReads(this ModelBuilder modelBuilder) =>
        modelBuilder.Entity<PersonalDataRead>(read =>
        {
            read.ToTable(PersonalDataReads.Table);
            read.HasKey(r => new { r.TenantId, r.Id });
            read.Property(r => r.ActorName).HasMaxLength(200);
            read.Property(r => r.Action).HasConversion<string>().HasMaxLength(30);
            read.Property(r => r.Query).HasColumnType("jsonb");
            read.Property(r => r.CorrelationId).HasMaxLength(CorrelationIds.MaxLength);
            // The log's page (newest first) and one producer's reads; the key serves neither order.
            read.HasIndex(r => new { r.TenantId, r.At });
            read.HasIndex(r => new { r.TenantId, r.ProducerId, r.At }).HasFilter("producer_id IS NOT NULL");
        });

    /// <summary>The recorder for <typeparamref name="TDb"/>, one per request.</summary>
    public static IServiceCollection AddPersonalDataReads<TDb>(this IServiceCollection services) where TDb : DbContext, IPersonalDataReadContext =>
        services.AddScoped(sp => new PersonalDataReads(sp.GetRequiredService<TDb>(), sp.GetRequiredService<ICurrentUser>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IHttpContextAccessor>()));
}
