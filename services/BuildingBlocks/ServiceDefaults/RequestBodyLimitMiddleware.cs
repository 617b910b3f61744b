using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using RedesPlataforma.BuildingBlocks.Http;

namespace RedesPlataforma.BuildingBlocks.ServiceDefaults;

/// <summary>
/// Refuses a declared body larger than the endpoint allows with a 413 problem, and gives the server the same limit for
/// this request, so a streamed (chunked) body is cut off there too. Endpoints that take files raise their own limit with
/// [RequestSizeLimit] metadata, above the server-wide default.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IConfiguration configuration)
{
    /// <summary>Every service's limit unless Http:MaxRequestBodyBytes or the endpoint says otherwise; the gateway's too, so
    /// it refuses what a service would, rather than forward a body the service hangs up on.</summary>
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    /// <summary>How much of a refused body is read and thrown away, and for how long, before the 413 is sent.</summary>
    public const long DiscardAtMostBytes = 64 * 1024 * 1024;
    private static readonly TimeSpan DiscardAtMost = TimeSpan.FromSeconds(5);

    private readonly long _defaultLimit = configuration.GetValue<long?>("Http:MaxRequestBodyBytes") ?? DefaultMaxRequestBodyBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? _defaultLimit;
        if (context.Request.ContentLength is { } length && length > limit)
        {
            await RefuseAsync(context, $"The body has {length} bytes; this endpoint accepts at most {limit}.");
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server) server.MaxRequestBodySize = limit;
        await next(context);
    }

    /// <summary>
    /// Answers 413 after reading the rest of the body and throwing it away (at most <see cref="DiscardAtMostBytes"/>
    /// within <see cref="DiscardAtMost"/>). A client that sends its whole body before it reads — any client without
    /// <c>Expect: 100-continue</c> — would otherwise have its connection reset mid-upload and never see the answer
    /// (nginx's "lingering close" does the same). A body beyond that still gets the answer, with the connection closed.
    /// </summary>
    public static async Task RefuseAsync(HttpContext context, string detail)
    {
        if (!await DiscardRestAsync(context)) context.Response.Headers.Connection = "close";
        await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
            title: ProblemTitles.TooLarge, detail: detail).ExecuteAsync(context);
    }

    private static async Task<bool> DiscardRestAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server) server.MaxRequestBodySize = DiscardAtMostBytes;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(DiscardAtMost);
        try
        {
            await context.Request.Body.DrainAsync(deadline.Token);
            return true;
        }
        catch (Exception e) when (e is BadHttpRequestException or OperationCanceledException or IOException)
        {
            return false;
        }
    }
}
