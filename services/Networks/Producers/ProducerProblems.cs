using Microsoft.AspNetCore.Http.HttpResults;

namespace RedesPlataforma.Networks.Producers;

/// <summary>The problem responses of the producer endpoints, in English and Spanish.</summary>
static class ProducerProblems
{
    public static ProblemHttpResult DniTaken() => Problem(StatusCodes.Status409Conflict, "Conflict / Conflicto", "dni",
        "A producer with this DNI is already registered in your institution. / Ya existe un productor con este DNI en su institución.");

    public static ProblemHttpResult ConsentRequired() => Problem(StatusCodes.Status422UnprocessableEntity, "Unprocessable / No procesable", "consentGiven",
        "The producer must consent to the processing of their personal data (Ley 29733) before being registered. / " +
        "El productor debe consentir el tratamiento de sus datos personales (Ley 29733) antes de ser registrado.");

    public static ProblemHttpResult NotYourProducer() => Problem(StatusCodes.Status403Forbidden, "Forbidden / Prohibido", null,
        "Only supervisors, tenant admins and the specialist who registered this producer can change it. / " +
        "Solo supervisores, administradores y el especialista que registró a este productor pueden modificarlo.");

    public static ProblemHttpResult BaselineExists() => Problem(StatusCodes.Status409Conflict, "Conflict / Conflicto", "kind",
        "This producer already has a baseline income; record a follow-up instead. / Este productor ya tiene una línea de base de ingresos; registre un seguimiento.");

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static ProblemHttpResult Problem(int status, string title, string? field, string detail) => TypedResults.Problem(
        statusCode: status, title: title, detail: detail,
        extensions: field is null ? null : new Dictionary<string, object?> { ["field"] = field });
}
