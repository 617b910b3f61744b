using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace RedesPlataforma.BuildingBlocks.ServiceDefaults;

/// <summary>Turns exceptions into RFC 7807 responses: the client's mistakes get 4xx with a reason, only our own bugs get 500.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Describe(exception);
        if (problem.Status >= 500) logger.LogError(exception, "Unhandled exception");

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Describe(Exception exception) => exception switch
    {
        BadHttpRequestException bad => new() { Status = bad.StatusCode, Title = TitleFor(bad.StatusCode), Detail = DetailFor(bad) },
        JsonException json => new() { Status = 400, Title = "Malformed JSON / JSON mal formado", Detail = json.Message },
        DbUpdateConcurrencyException => new() { Status = 409, Title = "Conflict / Conflicto", Detail = "The record was changed by someone else; reload it and try again. / Otra persona modificó el registro; recárguelo e intente de nuevo." },
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique } =>
            new() { Status = 409, Title = "Conflict / Conflicto", Detail = $"A record with the same value already exists ({unique.ConstraintName}). / Ya existe un registro con el mismo valor." },
        OperationCanceledException => new() { Status = 499, Title = "Client closed request" },
        _ => new() { Status = 500, Title = "An unexpected error occurred / Ocurrió un error inesperado" },
    };

    private static string TitleFor(int status) => status switch
    {
        413 => "Request body too large / Cuerpo de solicitud demasiado grande",
        _ => "Bad request / Solicitud inválida",
    };

    // The framework's message names the parameter; the inner JSON error names the field and position.
    private static string DetailFor(BadHttpRequestException bad) =>
        bad.InnerException is JsonException json ? $"{bad.Message} {json.Message}" : bad.Message;
}
