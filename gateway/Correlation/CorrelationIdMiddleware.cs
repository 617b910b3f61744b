using System.Buffers;
using System.Diagnostics;
using RedesPlataforma.BuildingBlocks.ServiceDefaults;

namespace RedesPlataforma.Gateway.Correlation;

/// <summary>
/// Keeps a client's X-Correlation-Id when it is sane (1-64 of [A-Za-z0-9-_.]), otherwise makes one; the services
/// receive it (YARP copies the request header), the client gets it back, and every log line of the request carries it.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string HeaderName = "X-Correlation-Id";
    public const int MaxLength = 64;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[HeaderName];
        var correlationId = incoming.Count == 1 && IsSane(incoming[0]) ? incoming[0]! : Guid.NewGuid().ToString("N");

        context.Request.Headers[HeaderName] = correlationId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = correlationId;
            return Task.CompletedTask;
        });
        Activity.Current?.SetTag("correlation.id", correlationId);

        using (logger.BeginScope(new LogScope("CorrelationId", correlationId)))
            await next(context);
    }

    public static bool IsSane(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength && !value.AsSpan().ContainsAnyExcept(Allowed);
}

public static class CorrelationIdExtensions
{
    public static WebApplication UseCorrelationId(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        return app;
    }
}
