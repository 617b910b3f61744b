using Microsoft.AspNetCore.Http;

namespace RedesPlataforma.BuildingBlocks.Http;

/// <summary>
/// The title of every problem response the platform writes, English then Spanish as every problem text is, so a client
/// sees one wording per status whichever service or middleware answered.
/// </summary>
public static class ProblemTitles
{
    public const string BadRequest = "Bad request / Solicitud inválida";
    public const string Forbidden = "Forbidden / Prohibido";
    public const string NotFound = "Not found / No encontrado";
    public const string Conflict = "Conflict / Conflicto";
    public const string PreconditionFailed = "Precondition failed / Precondición fallida";
    public const string TooLarge = "Request body too large / Cuerpo de solicitud demasiado grande";
    public const string UnsupportedMediaType = "Unsupported file type / Tipo de archivo no admitido";
    public const string Unprocessable = "Unprocessable / No procesable";
    public const string TooManyRequests = "Too many requests / Demasiadas solicitudes";
    public const string Unavailable = "Service temporarily unavailable / Servicio no disponible temporalmente";

    public static string For(int status) => status switch
    {
        StatusCodes.Status400BadRequest => BadRequest,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status409Conflict => Conflict,
        StatusCodes.Status412PreconditionFailed => PreconditionFailed,
        StatusCodes.Status413PayloadTooLarge => TooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => TooManyRequests,
        StatusCodes.Status503ServiceUnavailable => Unavailable,
        StatusCodes.Status422UnprocessableEntity => Unprocessable,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "No problem title for this status."),
    };
}
