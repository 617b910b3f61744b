using Microsoft.AspNetCore.Http.HttpResults;
using RedesPlataforma.BuildingBlocks.Http;

namespace RedesPlataforma.Reporting.Figures;

static class ReportProblems
{
    public static ProblemHttpResult UnknownTable(string table, IEnumerable<TableDefinition> known) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: ProblemTitles.NotFound,
        detail: $"There is no table '{table}'; the tables are {string.Join(", ", known.Select(t => t.Name))}. / " +
                $"No existe la tabla '{table}'; las tablas son {string.Join(", ", known.Select(t => t.Name))}.");
}
