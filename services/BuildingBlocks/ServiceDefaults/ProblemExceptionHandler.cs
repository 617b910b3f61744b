using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Persistence;

namespace RedesPlataforma.BuildingBlocks.ServiceDefaults;

/// <summary>Turns exceptions into RFC 7807 responses: the client's mistakes get 4xx with a reason, only our own bugs get 500.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Describe(exception);
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning(exception, "The database cannot be reached");
            httpContext.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            // The pool's other connections went down with this one: drop them, so the first requests once the database
            // is back open fresh connections rather than fail on dead ones.
            httpContext.RequestServices.GetService<NpgsqlDataSource>()?.Clear();
        }
        else if (problem.Status >= 500) logger.LogError(exception, "Unhandled exception");

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Describe(Exception exception) => exception switch
    {
        // The framework's message names the parameter; the inner JSON error names the field and position.
        BadHttpRequestException { InnerException: JsonException json } bad => Unreadable(json, $"{bad.Message} {json.Message}"),
        BadHttpRequestException bad => new() { Status = bad.StatusCode, Title = TitleFor(bad.StatusCode), Detail = bad.Message },
        JsonException json => Unreadable(json, json.Message),
        DbUpdateConcurrencyException => new() { Status = 409, Title = ProblemTitles.Conflict, Detail = "The record was changed by someone else; reload it and try again. / Otra persona modificó el registro; recárguelo e intente de nuevo." },
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique } =>
            new() { Status = 409, Title = ProblemTitles.Conflict, Detail = $"A record with the same value already exists ({unique.ConstraintName}). / Ya existe un registro con el mismo valor." },
        _ when DatabaseUnavailable.Is(exception) => new()
        {
            Status = 503,
            Title = ProblemTitles.Unavailable,
            Detail = "The database cannot be reached right now; try again shortly. / No se puede acceder a la base de datos en este momento; reintente en breve.",
        },
        OperationCanceledException => new() { Status = 499, Title = "Client closed request" },
        _ => new() { Status = 500, Title = "An unexpected error occurred / Ocurrió un error inesperado" },
    };

    private static string TitleFor(int status) => status switch
    {
        413 => ProblemTitles.TooLarge,
        _ => ProblemTitles.BadRequest,
    };

    /// <summary>A body that could not be read: the field at fault, when the reader got inside the object, under <c>errors</c>.</summary>
    private static ProblemDetails Unreadable(JsonException json, string detail)
    {
        var problem = new HttpValidationProblemDetails { Status = 400, Title = TitleFor(400), Detail = detail };
        if (json.Path is ['$', '.', .. var field]) problem.Errors[field] = [json.Message];
        return problem;
    }
}
