using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace RedesPlataforma.BuildingBlocks.Http;

/// <summary>
/// Why a business rule refuses a request: the HTTP status, the field at fault (none when the whole request is refused)
/// and a bilingual explanation. Rules return one and stay free of HTTP; the endpoint turns it into the problem response.
/// </summary>
public sealed record Refusal(int Status, string? Field, string Detail)
{
    public static Refusal Unprocessable(string field, string detail) => new(StatusCodes.Status422UnprocessableEntity, field, detail);

    public static Refusal Conflict(string? field, string detail) => new(StatusCodes.Status409Conflict, field, detail);

    public static Refusal Forbidden(string? field, string detail) => new(StatusCodes.Status403Forbidden, field, detail);

    public static Refusal NotFound(string detail) => new(StatusCodes.Status404NotFound, null, detail);

    public ProblemHttpResult ToProblem() => TypedResults.Problem(
        statusCode: Status, title: ProblemTitles.For(Status), detail: Detail,
        extensions: Field is null ? null : new Dictionary<string, object?> { ["field"] = Field });
}
