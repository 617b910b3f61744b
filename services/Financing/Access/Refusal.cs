using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using RedesPlataforma.BuildingBlocks.Security;

namespace RedesPlataforma.Financing.Access;

/// <summary>Why a business rule refuses a request: the HTTP status, the field at fault and a bilingual explanation.</summary>
public sealed record Refusal(int Status, string Field, string Detail)
{
    public static Refusal Unprocessable(string field, string detail) => new(StatusCodes.Status422UnprocessableEntity, field, detail);

    public static Refusal Conflict(string field, string detail) => new(StatusCodes.Status409Conflict, field, detail);

    public static Refusal Forbidden(string field, string detail) => new(StatusCodes.Status403Forbidden, field, detail);

    public ProblemHttpResult ToProblem() => TypedResults.Problem(
        statusCode: Status, detail: Detail,
        title: Status switch
        {
            StatusCodes.Status409Conflict => "Conflict / Conflicto",
            StatusCodes.Status403Forbidden => "Forbidden / Prohibido",
            _ => "Unprocessable / No procesable",
        },
        extensions: new Dictionary<string, object?> { ["field"] = Field });
}

/// <summary>
/// Who may change what: supervisors and tenant admins act on all of their tenant's plans; a specialist drafts and
/// submits plans for the networks assigned to them. Reading is open to every role of the tenant.
/// </summary>
public static class PlanRights
{
    public static Guid UserId(this ClaimsPrincipal user) => Guid.Parse(user.FindFirst(PlatformClaims.Subject)!.Value);

    public static bool ActsOnEverything(this ClaimsPrincipal user) =>
        user.IsInRole(PlatformRoles.TenantAdmin) || user.IsInRole(PlatformRoles.Supervisor);

    public static bool CanDraftFor(this ClaimsPrincipal user, Guid networkSpecialistId) =>
        user.ActsOnEverything() || (user.IsInRole(PlatformRoles.Specialist) && networkSpecialistId == user.UserId());
}
