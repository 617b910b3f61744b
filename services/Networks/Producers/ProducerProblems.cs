using Microsoft.AspNetCore.Http.HttpResults;
using RedesPlataforma.BuildingBlocks.Http;

namespace RedesPlataforma.Networks.Producers;

/// <summary>The problem responses of the producer endpoints, in English and Spanish.</summary>
static class ProducerProblems
{
    public static ProblemHttpResult DniTaken() => Refusal.Conflict("dni",
        "A producer with this DNI is already registered in your institution. / Ya existe un productor con este DNI en su institución.").ToProblem();

    public static ProblemHttpResult ConsentRequired() => Refusal.Unprocessable("consentGiven",
        "The producer must consent to the processing of their personal data (Ley 29733) before being registered. / " +
        "El productor debe consentir el tratamiento de sus datos personales (Ley 29733) antes de ser registrado.").ToProblem();

    public static ProblemHttpResult NotYourProducer() => Refusal.Forbidden(null,
        "Only supervisors, tenant admins and the specialist who registered this producer can change it. / " +
        "Solo supervisores, administradores y el especialista que registró a este productor pueden modificarlo.").ToProblem();

    public static ProblemHttpResult BaselineExists() => Refusal.Conflict("kind",
        "This producer already has a baseline income; record a follow-up instead. / Este productor ya tiene una línea de base de ingresos; registre un seguimiento.").ToProblem();

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
