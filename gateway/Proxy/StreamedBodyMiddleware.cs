using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using RedesPlataforma.BuildingBlocks.ServiceDefaults;

namespace RedesPlataforma.Gateway.Proxy;

/// <summary>
/// Step of the YARP pipeline: a body without a Content-Length (chunked) is read to its end before it is forwarded, and
/// refused with the route's 413 once it passes the route's limit (the building blocks' RequestBodyLimitMiddleware gave
/// it to the server for this request), so a service never receives part of an oversized body; streamed on, the service
/// hung up on it and the client got a 502. Up to 30 KB stays in memory, the rest in a temporary file (the producer
/// import takes 50 MB).
/// </summary>
public static class StreamedBodyMiddleware
{
    private const int InMemoryBytes = 30 * 1024;

    public static async Task ReadToTheEndFirst(HttpContext context, RequestDelegate next)
    {
        if (context.Request.ContentLength is null && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true
            && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false, MaxRequestBodySize: { } limit } server)
        {
            // The server may now read past the limit, so the refusal can read the rest and be heard (RefuseAsync);
            // the buffer enforces the limit instead.
            server.MaxRequestBodySize = RequestBodyLimitMiddleware.DiscardAtMostBytes;
            var body = context.Request.Body;
            var buffered = new FileBufferingReadStream(body, InMemoryBytes, bufferLimit: limit, Path.GetTempPath());
            context.Response.RegisterForDisposeAsync(buffered);
            try
            {
                await buffered.DrainAsync(context.RequestAborted);
            }
            catch (IOException) when (!context.RequestAborted.IsCancellationRequested)
            {
                context.Request.Body = body;
                await RequestBodyLimitMiddleware.RefuseAsync(context, $"The body has more than {limit} bytes; this endpoint accepts at most {limit}.");
                return;
            }
            buffered.Position = 0;
            context.Request.Body = buffered;
        }
        await next(context);
    }
}
