using Microsoft.AspNetCore.Http.HttpResults;

namespace RedesPlataforma.Tenants;

/// <summary>The problem responses this service's endpoints share, worded in English and Spanish.</summary>
static class Problems
{
    public static ProblemHttpResult Conflict(string field, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "Conflict / Conflicto", detail: detail,
        extensions: new Dictionary<string, object?> { ["field"] = field });

    /// <summary>A conflict with the record's state as a whole, which no one field of the request is at fault for.</summary>
    public static ProblemHttpResult Conflict(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "Conflict / Conflicto", detail: detail);

    public static ProblemHttpResult Unprocessable(string field, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status422UnprocessableEntity, title: "Unprocessable / No procesable", detail: detail,
        extensions: new Dictionary<string, object?> { ["field"] = field });
}
