using Microsoft.AspNetCore.Http.HttpResults;
using RedesPlataforma.BuildingBlocks.Http;

namespace RedesPlataforma.Tenants;

/// <summary>The problem responses this service's endpoints share, worded in English and Spanish.</summary>
static class Problems
{
    public static ProblemHttpResult Conflict(string field, string detail) => Refusal.Conflict(field, detail).ToProblem();

    public static ProblemHttpResult Unprocessable(string field, string detail) => Refusal.Unprocessable(field, detail).ToProblem();
}
