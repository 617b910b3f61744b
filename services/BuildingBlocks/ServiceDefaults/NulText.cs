using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace RedesPlataforma.BuildingBlocks.ServiceDefaults;

/// <summary>
/// U+0000 (NUL) is refused in every text a request brings: PostgreSQL cannot store it in <c>text</c> and answers with an
/// error, so letting it through turns a client's mistake into a 500 (or a download cut off after its 200). JSON bodies
/// are checked by <see cref="NulRefusingStringConverter"/> as they are read; query strings, headers and url-encoded
/// forms by <see cref="NulTextMiddleware"/> before the endpoint starts.
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

/// <summary>Reads and writes strings as System.Text.Json does, refusing a NUL (its path names the field).</summary>
public sealed class NulRefusingStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    // Dictionary keys come through here too; without these the serializer refuses string keys for a custom converter.
    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString())!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string? Checked(string? text) => NulText.Contains(text) ? throw new JsonException(NulText.Message) : text;
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
        // Only url-encoded forms (the sign-in page, the token endpoint): a multipart upload is streamed by its endpoint.
        if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
            foreach (var (name, values) in await FormPairsAsync(request))
                if (NulText.Contains(name) || NulText.Contains(values)) return name;
        return null;
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
