using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;

namespace RedesPlataforma.BuildingBlocks.Http;

/// <summary>How every rate limiter of the platform (the gateway's and a service's own) refuses: a 429 problem with its
/// type and a Retry-After taken from the limiter, so a client can wait exactly as long as needed.</summary>
public static class TooManyRequests
{
    public const string ProblemType = "https://tools.ietf.org/html/rfc6585#section-4";

    public static RateLimiterOptions RejectWithProblem(this RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = WriteAsync;
        return options;
    }

    private static async ValueTask WriteAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        await Problem(rejected.HttpContext.Response, retryAfter, seconds =>
            $"The request rate limit was exceeded; retry in {seconds} s. / Se superó el límite de solicitudes; reintente en {seconds} s.")
            .ExecuteAsync(rejected.HttpContext);
    }

    /// <summary>A 429 for any reason to wait (a limiter, an account's lockout), as <see cref="RetryLater"/> writes it.</summary>
    public static ProblemHttpResult Problem(HttpResponse response, TimeSpan retryAfter, Func<int, string> detail) =>
        RetryLater.Problem(response, StatusCodes.Status429TooManyRequests, retryAfter, ProblemTitles.TooManyRequests, detail, ProblemType);
}
