using Microsoft.AspNetCore.Http.HttpResults;

namespace RedesPlataforma.Networks.BusinessNetworks;

/// <summary>Why a business rule refuses a request: the HTTP status, the field at fault and a bilingual explanation.</summary>
public sealed record Refusal(int Status, string Field, string Detail)
{
    public static Refusal Unprocessable(string field, string detail) => new(StatusCodes.Status422UnprocessableEntity, field, detail);

    public static Refusal Conflict(string field, string detail) => new(StatusCodes.Status409Conflict, field, detail);

    public ProblemHttpResult ToProblem() => TypedResults.Problem(
        statusCode: Status, detail: Detail,
        title: Status == StatusCodes.Status409Conflict ? "Conflict / Conflicto" : "Unprocessable / No procesable",
        extensions: new Dictionary<string, object?> { ["field"] = Field });
}

/// <summary>Problem responses the network endpoints share.</summary>
static class NetworkProblems
{
    /// <summary>The network belongs to the caller's tenant, so its existence is no secret: 403, not 404.</summary>
    public static ProblemHttpResult NotYourNetwork() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "Forbidden / Prohibido",
        detail: "This network is assigned to another specialist; only they, a supervisor or an admin can change it. / " +
                "Esta red está asignada a otro especialista; solo él, un supervisor o un administrador pueden modificarla.");
}
