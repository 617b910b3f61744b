using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace RedesPlataforma.BuildingBlocks.ServiceDefaults;

/// <summary>
/// U+0000 (NUL) is refused in every text a request brings: PostgreSQL cannot store it in <c>text</c> and answers with an
/// error, so letting it through turns a client's mistake into a 500 (or a download cut off after its 200). Query
/// strings, headers, url-encoded forms and JSON bodies are all checked by <see cref="NulTextMiddleware"/> before the
/// endpoint starts. (Not by a string converter in the JSON options: ASP.NET's OpenAPI documents cannot describe a type
/// with a custom converter, so every string in them would lose its type.)
/// </summary>
public static class NulText
{
    public const string Message = "The text contains the character U+0000 (NUL), which is not accepted. / El texto contiene el carácter U+0000 (NUL), que no se acepta.";

    public static bool Contains(string? text) => text is not null && text.Contains('\0');

    public static bool Contains(StringValues values)
    {
        foreach (var value in values)
            if (Contains(value)) return true;
        return false;
    }

    public static IResult Problem(string field) => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [Message] });
}

/// <summary>
/// Answers a 400 problem naming the query parameter, header or form field that holds a NUL. A path cannot hold one: the
/// server refuses a %00 in the path before any of this runs.
/// </summary>
public sealed class NulTextMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (await FieldWithNulAsync(context.Request) is { } field)
        {
            await NulText.Problem(field).ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static async Task<string?> FieldWithNulAsync(HttpRequest request)
    {
        foreach (var (name, values) in request.Query)
            if (NulText.Contains(name) || NulText.Contains(values)) return name;
        foreach (var (name, values) in request.Headers)
            if (NulText.Contains(values)) return name;
        // Only url-encoded forms (the sign-in page, the token endpoint) and JSON: a multipart upload or a file is streamed
        // by its endpoint.
        if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
            foreach (var (name, values) in await FormPairsAsync(request))
                if (NulText.Contains(name) || NulText.Contains(values)) return name;
        // Only a body the endpoint binds as JSON: the gateway's proxied routes forward theirs to the service that checks it.
        if (request.HasJsonContentType() && request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is not null)
            return JsonPathOfNul(await BufferedBodyAsync(request));
        return null;
    }

    /// <summary>The body, read once into memory and rewound for the endpoint; the scan reads that copy in place.</summary>
    private static async Task<ArraySegment<byte>> BufferedBodyAsync(HttpRequest request)
    {
        request.EnableBuffering();
        var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return new ArraySegment<byte>(body.GetBuffer(), 0, (int)body.Length);
    }

    /// <summary>
    /// The path (<c>lines[0].description</c>) of the first string or key holding a NUL, which JSON can only carry as the
    /// escape <c>\u0000</c>; null when there is none, or when the body is not JSON at all (binding then says so).
    /// </summary>
    private static string? JsonPathOfNul(ArraySegment<byte> json)
    {
        if (json.AsSpan().IndexOf("\\u0000"u8) < 0) return null;
        var path = new List<JsonStep>(); // the containers around the reader, outermost first
        var reader = new Utf8JsonReader(json.AsSpan());
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        path[^1] = path[^1] with { Property = reader.GetString() };
                        if (NulText.Contains(path[^1].Property)) return JsonStep.Render(path);
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        NextElement(path);
                        path.Add(new JsonStep(reader.TokenType == JsonTokenType.StartArray, null, -1));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        break;
                    default:
                        NextElement(path);
                        if (reader.TokenType == JsonTokenType.String && NulText.Contains(reader.GetString())) return JsonStep.Render(path);
                        break;
                }
            }
        }
        catch (JsonException)
        {
        }
        return null;
    }

    private static void NextElement(List<JsonStep> path)
    {
        if (path.Count > 0 && path[^1].IsArray) path[^1] = path[^1] with { Index = path[^1].Index + 1 };
    }

    /// <summary>One container on the way to a value: an object at its property, or an array at its element.</summary>
    private sealed record JsonStep(bool IsArray, string? Property, int Index)
    {
        public static string Render(List<JsonStep> path)
        {
            var text = new StringBuilder();
            foreach (var step in path)
                if (step.IsArray) text.Append('[').Append(step.Index).Append(']');
                else if (step.Property is not null) text.Append(text.Length > 0 ? "." : "").Append(step.Property);
            return text.Length > 0 ? text.ToString() : "body";
        }
    }

    /// <summary>
    /// The form's pairs, read here rather than with ReadFormAsync, which throws on a %00 without saying where (a 500);
    /// the body is buffered, so the endpoint reads the same form again.
    /// </summary>
    private static async Task<Dictionary<string, StringValues>> FormPairsAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var form = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return QueryHelpers.ParseQuery(form);
    }
}
