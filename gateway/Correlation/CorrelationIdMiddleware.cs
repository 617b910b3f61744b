using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Security.Cryptography;
using RedesPlataforma.BuildingBlocks.Http;

namespace RedesPlataforma.Gateway.Correlation;

/// <summary>
/// Keeps a client's X-Correlation-Id when it is sane (1-64 of [A-Za-z0-9-_.]), otherwise makes one; the services
/// receive it (YARP copies the request header), the client gets it back, and every log line of the request carries it
/// (the building blocks' request log scope, which runs next).
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next)
{
    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");

    private static readonly ulong ProcessHalf = BinaryPrimitives.ReadUInt64LittleEndian(RandomNumberGenerator.GetBytes(8));
    private static long _issued;

    public Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[CorrelationIds.HeaderName];
        var correlationId = incoming.Count == 1 && IsSane(incoming[0]) ? incoming[0]! : NewId();

        context.Request.Headers[CorrelationIds.HeaderName] = correlationId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[CorrelationIds.HeaderName] = correlationId;
            return Task.CompletedTask;
        });
        Activity.Current?.SetTag("correlation.id", correlationId);

        return next(context);
    }

    /// <summary>
    /// 32 hex digits, unique but not secret (a client may choose its own): this process's random half and a counter.
    /// <see cref="Guid.NewGuid"/> would read the kernel's random source on every request.
    /// </summary>
    private static string NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, ProcessHalf);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[8..], Interlocked.Increment(ref _issued));
        return Convert.ToHexStringLower(bytes);
    }

    public static bool IsSane(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= CorrelationIds.MaxLength && !value.AsSpan().ContainsAnyExcept(Allowed);
}

public static class CorrelationIdExtensions
{
    public static WebApplication UseCorrelationId(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        return app;
    }
}
