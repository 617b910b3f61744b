using Microsoft.AspNetCore.Http.HttpResults;
using RedesPlataforma.Tenants.Onboarding;

namespace RedesPlataforma.Tenants;

/// <summary>The problem responses this service's endpoints share, worded in English and Spanish.</summary>
static class Problems
{
    public static ProblemHttpResult Conflict(string field, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "Conflict / Conflicto", detail: detail,
        extensions: new Dictionary<string, object?> { ["field"] = field });

    public static ProblemHttpResult AlreadyDecided(ApplicationStatus status) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "Conflict / Conflicto",
        detail: $"The application is already {status}. / La solicitud ya fue resuelta ({status}).");

    public static ProblemHttpResult Unprocessable(string field, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status422UnprocessableEntity, title: "Unprocessable / No procesable", detail: detail,
        extensions: new Dictionary<string, object?> { ["field"] = field });
}
