using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Security;

namespace RedesPlataforma.BuildingBlocks.Idempotency;

/// <summary>The service's DbContext, as the idempotency middleware sees it.</summary>
public sealed record IdempotencyDb(DbContext Context);

/// <summary>
/// Applies a write that carries an <c>Idempotency-Key</c> at most once per tenant, user and key. The request runs inside
/// one transaction on the service's scoped DbContext, which the handler's SaveChanges (and the outbox rows it writes)
/// join; the record with the response is inserted in that same transaction, so the effect and "this key is done"
/// commit together or not at all: a crash anywhere leaves either both or neither. While it runs, a transaction-level
/// advisory lock on the key makes a second request with the same key answer 409 at once instead of waiting; the unique
/// index on (tenant, user, key) backs the lock up. Handlers that begin their own transaction use
/// <see cref="Persistence.TransactionJoin.BeginOrJoinTransactionAsync"/> and get a savepoint in this one.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IdempotencyOptions options, TimeProvider clock, ILogger<IdempotencyMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, IdempotencyDb store)
    {
        var request = context.Request;
        if (!IdempotencyRules.AppliesTo(request.Method) || !request.Headers.TryGetValue(IdempotencyRules.KeyHeader, out var values)
            || !Guid.TryParse(context.User.FindFirst(PlatformClaims.Subject)?.Value, out var userId))
        {
            // No key, a read, or nobody signed in (whose key would it be?): the request runs as it always did.
            await next(context);
            return;
        }
        if (values.Count != 1 || !IdempotencyRules.IsValidKey(values[0]))
        {
            await Problem(context, StatusCodes.Status400BadRequest, "Invalid Idempotency-Key / Idempotency-Key inválida",
                "The Idempotency-Key header must be one value of 1 to 100 visible ASCII characters, such as a UUID. / " +
                "La cabecera Idempotency-Key debe ser un solo valor de 1 a 100 caracteres ASCII visibles, como un UUID.");
            return;
        }

        var key = values[0]!;
        var tenantId = ClaimsTenantResolver.Resolve(context.User)?.Id;
        var ct = context.RequestAborted;
        request.EnableBuffering();
        var fingerprint = await IdempotencyRules.FingerprintAsync(request.Method, $"{request.PathBase}{request.Path}{request.QueryString}", request.Body, ct);
        request.Body.Position = 0;

        var db = store.Context;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (classId, objectId) = IdempotencyRules.LockKeys(tenantId, userId, key);
        if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({classId}, {objectId}) AS \"Value\"").SingleAsync(ct))
        {
            context.Response.Headers.RetryAfter = "1";
            await Problem(context, StatusCodes.Status409Conflict, "Request in progress / Solicitud en curso",
                "A request with this Idempotency-Key is still running; retry shortly. / " +
                "Una solicitud con esta Idempotency-Key aún se está procesando; reintente en un momento.");
            return;
        }

        var now = clock.GetUtcNow();
        var existing = await db.Set<IdempotencyRecord>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.TenantId == tenantId && r.UserId == userId && r.Key == key, ct);
        if (existing is not null && existing.ExpiresAt <= now)
        {
            // Past its retention but not yet purged: the key is free again.
            await db.Database.ExecuteSqlAsync($"DELETE FROM idempotency_records WHERE id = {existing.Id}", ct);
            existing = null;
        }
        if (existing is not null)
        {
            if (!existing.RequestHash.AsSpan().SequenceEqual(fingerprint))
            {
                await Problem(context, StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused / Idempotency-Key reutilizada",
                    "This Idempotency-Key was already used for another request (method, path or body); use a new key. / " +
                    "Esta Idempotency-Key ya se usó para otra solicitud (método, ruta o cuerpo); use una clave nueva.");
                return;
            }
            logger.LogInformation("Replaying the response to Idempotency-Key {Key} ({Status})", key, existing.StatusCode);
            await ReplayAsync(context, existing);
            return;
        }

        var response = context.Response;
        var body = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
            // Whatever the handler left unsent must reach the buffer before it is stored.
            await response.BodyWriter.FlushAsync(ct);
            if (IdempotencyRules.IsStored(response.StatusCode))
            {
                var bytes = buffer.ToArray();
                string? contentType = response.ContentType, location = response.Headers.Location, etag = response.Headers.ETag;
                var expiresAt = now + options.Retention;
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO idempotency_records (tenant_id, user_id, key, request_hash, status_code, content_type, location, e_tag, body, created_at, expires_at)
                    VALUES ({tenantId}, {userId}, {key}, {fingerprint}, {response.StatusCode}, {contentType}, {location}, {etag}, {bytes}, {now}, {expiresAt})
                    """, ct);
                await transaction.CommitAsync(ct);
            }
            // Otherwise the transaction is rolled back on disposal: nothing of the handler's stays, so a retry starts clean.
        }
        finally
        {
            response.Body = body;
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(body, ct);
    }

    private static async Task ReplayAsync(HttpContext context, IdempotencyRecord record)
    {
        var response = context.Response;
        response.StatusCode = record.StatusCode;
        if (record.ContentType is not null) response.ContentType = record.ContentType;
        if (record.Location is not null) response.Headers.Location = record.Location;
        if (record.ETag is not null) response.Headers.ETag = record.ETag;
        response.Headers[IdempotencyRules.ReplayedHeader] = "true";
        if (record.Body.Length > 0) await response.Body.WriteAsync(record.Body, context.RequestAborted);
    }

    private static Task Problem(HttpContext context, int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail,
            extensions: new Dictionary<string, object?> { ["header"] = IdempotencyRules.KeyHeader }).ExecuteAsync(context);
}
