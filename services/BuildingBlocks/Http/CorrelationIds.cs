using Microsoft.AspNetCore.Http;

namespace RedesPlataforma.BuildingBlocks.Http;

/// <summary>The request's correlation id: the one the gateway set (it keeps a sane client's or makes one), else this service's trace id.</summary>
public static class CorrelationIds
{
    /// <summary>The gateway's header (gateway/Correlation), which it forwards to every service.</summary>
    public const string HeaderName = "X-Correlation-Id";

    public const int MaxLength = 64;

    public static string CorrelationId(this HttpContext http) =>
        http.Request.Headers[HeaderName] is [{ Length: > 0 and <= MaxLength } id] ? id : http.TraceIdentifier;
}
