using System.Collections;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RedesPlataforma.BuildingBlocks.Http;

namespace RedesPlataforma.BuildingBlocks.ServiceDefaults;

/// <summary>
/// Every log line written while a request runs carries its correlation id (the gateway's X-Correlation-Id, the same in
/// every service the request reaches) and its path. It stands in for ASP.NET Core's own request scope, which the
/// appsettings switch off with <c>Microsoft.AspNetCore.Hosting.Diagnostics: None</c>: with that category enabled,
/// ASP.NET Core starts an <see cref="System.Diagnostics.Activity"/> and a scope for every request even when no tracer
/// listens, which cost the gateway about a sixth of its CPU per proxied request (docs/decisions/0039). With an OTLP
/// exporter set, the tracer's listener still gets its Activity.
/// </summary>
public sealed class RequestLogScopeMiddleware(RequestDelegate next, ILogger<RequestLogScopeMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        using (logger.BeginScope(new RequestLogScope(context.CorrelationId(), context.Request.Path.Value)))
            await next(context);
    }
}

/// <summary>The scope's two properties, written by the JSON console like a dictionary's, without a dictionary per request.</summary>
public sealed class RequestLogScope(string correlationId, string? path) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 2;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("CorrelationId", correlationId),
        1 => new("RequestPath", path),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
        yield return this[1];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"CorrelationId:{correlationId} RequestPath:{path}";
}

public static class RequestLogScopeExtensions
{
    /// <summary>First in the pipeline (in the gateway, right after the correlation id is settled).</summary>
    public static IApplicationBuilder UseRequestLogScope(this IApplicationBuilder app) => app.UseMiddleware<RequestLogScopeMiddleware>();
}
