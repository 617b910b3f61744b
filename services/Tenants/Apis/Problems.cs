using Microsoft.AspNetCore.Http.HttpResults;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.Tenants.Model;

namespace RedesPlataforma.Tenants.Apis;

/// <summary>The problem responses this service's endpoints share, worded in English and Spanish.</summary>
static class Problems
{
    public static ProblemHttpResult Conflict(string field, string detail) => Refusal.Conflict(field, detail).ToProblem();

    public static ProblemHttpResult AlreadyDecided(ApplicationStatus status) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: ProblemTitles.Conflict,
        detail: $"The application is already {status}. / La solicitud ya fue resuelta ({status}).");

    public static ProblemHttpResult Unprocessable(string field, string detail) => Refusal.Unprocessable(field, detail).ToProblem();
}
