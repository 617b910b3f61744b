using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace RedesPlataforma.Gateway.Proxy;

/// <summary>
/// Step of the YARP pipeline: a body without a Content-Length (chunked) is read to its end before it is forwarded.
/// Kestrel stops reading it at the route's limit (the building blocks' RequestBodyLimitMiddleware set it for this
/// request) and the exception handler answers that 413 problem, so a service never receives part of an oversized body;
/// streamed on, the service hung up on it and the client got a 502. Up to 30 KB stays in memory, the rest in a
/// temporary file (the producer import takes 50 MB).
/// </summary>
public static class StreamedBodyMiddleware
{
    public static async Task ReadToTheEndFirst(HttpContext context, Func<Task> next)
    {
        if (context.Request.ContentLength is null && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
        {
            context.Request.EnableBuffering();
            await context.Request.Body.DrainAsync(context.RequestAborted);
            context.Request.Body.Position = 0;
        }
        await next();
    }
}
