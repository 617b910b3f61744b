using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Networks.Access;
using RedesPlataforma.Networks.BusinessNetworks;
using RedesPlataforma.Networks.Infrastructure;

namespace RedesPlataforma.Networks.Evidence;

/// <summary>
/// Evidence files of a network: <c>PUT …/evidence/{evidenceId}?fileName=</c> with the raw bytes (JPEG, PNG or PDF by
/// content, at most 5 MB), a list and the content. The client picks the id, so a replay with the same bytes answers
/// the same summary (200) and other bytes under that id a 409. Uploading follows the network's editor rights;
/// every tenant role reads. Another tenant's network or file is simply not found.
/// </summary>
public static class EvidenceApi
{
    /// <summary>Served files run nothing: no script, plugin, form or frame, whatever the bytes turn out to hold.</summary>
    public const string ContentSecurityPolicy = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";

    public static RouteGroupBuilder MapEvidenceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/networks/{networkId:guid}/evidence").WithTags("Evidence").RequireAuthorization(Policies.TenantMember);
        api.MapGet("/", ListEvidence).WithName("ListNetworkEvidence")
            .WithDescription("The evidence files of a network.");
        api.MapGet("/{evidenceId:guid}/content", Content)
            .Produces(StatusCodes.Status200OK, contentType: EvidenceType.Jpeg.ContentType, additionalContentTypes: [EvidenceType.Png.ContentType, EvidenceType.Pdf.ContentType])
            .WithName("GetNetworkEvidenceContent")
            .WithDescription("The bytes of one evidence file, as the JPEG, PNG or PDF its content was sniffed to be.");
        api.MapPut("/{evidenceId:guid}", Upload).RequireAuthorization(Policies.Specialist)
            // Above the service's 1 MB default; the body limit middleware answers 413 beyond it, as does the read below.
            .WithMetadata(new RequestSizeLimitAttribute(EvidenceFile.MaxBytes))
            .AddOpenApiOperationTransformer(DescribeRawBody)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).WithName("UploadNetworkEvidence")
            .WithDescription("Uploads one evidence file as the raw body under an id the client chose; its content must be JPEG, PNG or PDF.");
        return api;
    }

    /// <summary>
    /// The body is the file itself. Only described: an Accepts() would make routing refuse a Content-Type outside the
    /// list with a bare 415, while the type that counts is the one read from the content.
    /// </summary>
    static Task DescribeRawBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The file's bytes: JPEG, PNG or PDF (read from the content), at most 5 MB.",
            Content = new[] { EvidenceType.Jpeg, EvidenceType.Png, EvidenceType.Pdf }.ToDictionary(t => t.ContentType,
                _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } }),
        };
        return Task.CompletedTask;
    }

    static async Task<Results<Ok<List<EvidenceSummary>>, NotFound>> ListEvidence(Guid networkId, NetworksDb db, CancellationToken ct)
    {
        if (!await db.Networks.AnyAsync(n => n.Id == networkId, ct)) return TypedResults.NotFound();
        return TypedResults.Ok(await db.EvidenceFiles.AsNoTracking().Where(e => e.NetworkId == networkId)
            .OrderByDescending(e => e.UploadedAt).ThenByDescending(e => e.Id).Select(EvidenceSummary.Projection).ToListAsync(ct));
    }

    static async Task<Results<FileContentHttpResult, NotFound>> Content(Guid networkId, Guid evidenceId, HttpContext http, NetworksDb db, CancellationToken ct)
    {
        var file = await db.EvidenceFiles.AsNoTracking().Where(e => e.Id == evidenceId && e.NetworkId == networkId)
            .Select(e => new { e.FileName, e.ContentType }).SingleOrDefaultAsync(ct);
        if (file is null) return TypedResults.NotFound();
        var bytes = await db.EvidenceContents.AsNoTracking().Where(c => c.EvidenceId == evidenceId).Select(c => c.Bytes).SingleAsync(ct);

        var inline = file.ContentType != EvidenceType.Pdf.ContentType;
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(file.FileName); // filename= in ASCII and filename*=UTF-8'' (RFC 5987) when it is not
        var headers = http.Response.Headers;
        headers.ContentDisposition = disposition.ToString();
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, max-age=86400";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        return TypedResults.File(bytes, file.ContentType);
    }

    static async Task<Results<Created<EvidenceSummary>, Ok<EvidenceSummary>, NotFound, ProblemHttpResult>> Upload(
        Guid networkId, Guid evidenceId, [FromQuery] string? fileName, HttpRequest request, ClaimsPrincipal user, NetworksDb db,
        TimeProvider clock, CancellationToken ct)
    {
        var network = await db.Networks.AsNoTracking().Where(n => n.Id == networkId).Select(n => new { n.SpecialistId }).SingleOrDefaultAsync(ct);
        if (network is null) return TypedResults.NotFound();
        if (!user.CanEditNetwork(network.SpecialistId)) return NetworkProblems.NotYourNetwork();

        var content = await ReadAtMostAsync(request.Body, EvidenceFile.MaxBytes + 1, ct);
        if (content.Length == 0) return EvidenceProblems.Empty();
        if (content.Length > EvidenceFile.MaxBytes) return EvidenceProblems.TooLarge();
        if (EvidenceType.Sniff(content) is not { } type) return EvidenceProblems.UnsupportedType();
        var hash = SHA256.HashData(content);

        if (await db.EvidenceFiles.AsNoTracking().SingleOrDefaultAsync(e => e.Id == evidenceId, ct) is { } existing)
            return existing.NetworkId == networkId && existing.Sha256.AsSpan().SequenceEqual(hash)
                ? TypedResults.Ok(EvidenceSummary.From(existing))
                : EvidenceProblems.IdTaken();

        var now = clock.GetUtcNow();
        var file = new EvidenceFile
        {
            Id = evidenceId, NetworkId = networkId, FileName = EvidenceFileName.Sanitise(fileName, type), ContentType = type.ContentType,
            Size = content.Length, Sha256 = hash, UploadedAt = now.AddTicks(-(now.Ticks % 10)), // microseconds, as PostgreSQL keeps them: a replay answers the same instant
            UploadedBy = user.UserId(), UploadedByName = user.FindFirst(PlatformClaims.Name)?.Value,
        };
        db.EvidenceFiles.Add(file);
        db.EvidenceContents.Add(new EvidenceContent { EvidenceId = evidenceId, Bytes = content });
        await db.SaveChangesAsync(ct); // two first uploads racing on one id: the loser's unique violation is a 409 problem
        return TypedResults.Created($"/api/networks/{networkId}/evidence/{evidenceId}/content", EvidenceSummary.From(file));
    }

    /// <summary>Reads up to <paramref name="limit"/> bytes, so a chunked body without a length cannot fill the memory.</summary>
    static async Task<byte[]> ReadAtMostAsync(Stream body, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = await body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), ct)) > 0)
            buffer.Write(chunk, 0, read);
        return buffer.ToArray();
    }
}

/// <summary>The problem responses of the evidence endpoints, in English and Spanish.</summary>
static class EvidenceProblems
{
    public static ProblemHttpResult Empty() => new Refusal(StatusCodes.Status400BadRequest, null,
        "The file is empty. / El archivo está vacío.").ToProblem();

    public static ProblemHttpResult TooLarge() => new Refusal(StatusCodes.Status413PayloadTooLarge, null,
        $"An evidence file may have at most {EvidenceFile.MaxBytes} bytes (5 MB). / Un archivo de evidencia puede tener como máximo {EvidenceFile.MaxBytes} bytes (5 MB).").ToProblem();

    public static ProblemHttpResult UnsupportedType() => new Refusal(StatusCodes.Status415UnsupportedMediaType, null,
        "Evidence must be a JPEG or PNG photo or a PDF document (read from the file's content, not its name). / " +
        "La evidencia debe ser una foto JPEG o PNG o un documento PDF (según el contenido del archivo, no su nombre).").ToProblem();

    public static ProblemHttpResult IdTaken() => Refusal.Conflict("evidenceId",
        "Another file was already uploaded under this id; upload it under a new id. / Ya se subió otro archivo con este id; súbalo con un id nuevo.").ToProblem();
}
