using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Networks.Access;

namespace RedesPlataforma.Networks.Producers.Import;

/// <summary>
/// <c>POST api/producers/import?mode=all-or-nothing|valid-only&amp;dryRun=true|false&amp;ubigeoCodes=inei|reniec</c> with a
/// multipart <c>file</c> (.csv in UTF-8 or .xlsx, up to 50 MB). Answers the report: 200, or 422 when an all-or-nothing
/// import that was not a dry run wrote nothing because of bad rows; 400 for a file that cannot be read at all.
/// </summary>
public static class ProducerImportEndpoint
{
    public static RouteHandlerBuilder MapProducerImport(this RouteGroupBuilder api) => api.MapPost("/import", ImportAsync)
        .RequireAuthorization(Policies.Specialist)
        .DisableAntiforgery() // bearer tokens, not cookies: no cross-site request can carry them
        .WithMetadata(new RequestSizeLimitAttribute(ProducerImport.MaxFileBytes))
        .WithFormOptions(multipartBodyLengthLimit: ProducerImport.MaxFileBytes).WithName("ImportProducers")
        .WithDescription("Imports producers from a CSV or xlsx file, or only checks it (dryRun); the report names each bad row.");

    static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        IFormFile file, string? mode, bool? dryRun, string? ubigeoCodes, ClaimsPrincipal user, ProducerImport import, CancellationToken ct)
    {
        if (ImportModes.Parse(mode) is not { } importMode)
            return ProducerProblems.Invalid("mode", $"Use mode={ImportModes.AllOrNothing} or mode={ImportModes.ValidOnly}. / Use mode={ImportModes.AllOrNothing} o mode={ImportModes.ValidOnly}.");
        if (!TryParseCoding(ubigeoCodes, out var coding))
            return ProducerProblems.Invalid("ubigeoCodes", "Use ubigeoCodes=inei, reniec or auto. / Use ubigeoCodes=inei, reniec o auto.");

        var options = new ImportOptions(importMode, dryRun ?? true, coding);
        try
        {
            await using var content = file.OpenReadStream();
            var report = await import.RunAsync(new ImportFile(content, file.FileName, file.ContentType), options, user.UserId(), ct);
            return !report.DryRun && importMode == ImportMode.AllOrNothing && report.InvalidRows > 0
                ? TypedResults.UnprocessableEntity(report)
                : TypedResults.Ok(report);
        }
        catch (ImportFileException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [.. e.Errors] },
                title: "The file cannot be imported / El archivo no se puede importar");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return Refusal.Conflict(null,
                "A producer of this file was registered by someone else while it was being imported; run the import again. / " +
                "Otra persona registró un productor de este archivo durante la importación; vuelva a importarlo.").ToProblem();
        }
    }

    private static bool TryParseCoding(string? value, out UbigeoCoding? coding)
    {
        coding = null;
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase)) return true;
        if (!Enum.TryParse<UbigeoCoding>(value.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed)) return false;
        coding = parsed;
        return true;
    }
}
