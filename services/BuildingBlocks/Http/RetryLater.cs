using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace RedesPlataforma.BuildingBlocks.Http;

/// <summary>Every refusal that tells the client when to come back (a rate limit, a busy gateway, a sign-in service that
/// cannot be reached): Retry-After in whole seconds, at least one, on the response, and the problem whose detail
/// <c>detail</c> writes for that many seconds.</summary>
public static class RetryLater
{
    public static ProblemHttpResult Problem(HttpResponse response, int status, TimeSpan retryAfter, string title, Func<int, string> detail, string? type = null)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: status, type: type, title: title, detail: detail(seconds));
    }
}
