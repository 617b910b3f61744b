using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Configuration;

namespace RedesPlataforma.BuildingBlocks.ServiceDefaults;

/// <summary>
/// Refuses a declared body larger than the endpoint allows with a 413 problem before reading it, and gives the server
/// the same limit for this request, so a streamed (chunked) body is cut off there too. Endpoints that take files raise
/// their own limit with [RequestSizeLimit] metadata, above the server-wide default.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IConfiguration configuration)
{
    private readonly long _defaultLimit = configuration.GetValue<long?>("Http:MaxRequestBodyBytes") ?? 1_048_576;

    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? _defaultLimit;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server) server.MaxRequestBodySize = limit;
        if (context.Request.ContentLength > limit)
        {
            await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Request body too large / Cuerpo de solicitud demasiado grande",
                detail: $"The body has {context.Request.ContentLength} bytes; this endpoint accepts at most {limit}.").ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}
