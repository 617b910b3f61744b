using System.Text.Json.Nodes;

namespace RedesPlataforma.EndToEnd.Tests.Robustness;

public sealed record OpenApiParameter(string Name, string In, SchemaShape Shape);

/// <summary>One operation of a service's OpenAPI document: what the robustness test makes bad inputs for.</summary>
public sealed record OpenApiOperation(
    string Service, string Method, string Path, string Id, IReadOnlyList<OpenApiParameter> Parameters, string? BodyMediaType, SchemaShape? Body)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public bool Writes => Method is not "GET";

    public bool HasInput => Parameters.Count > 0 || BodyMediaType is not null;

    public override string ToString() => $"{Service} {Id} ({Method} {Path})";

    public static IEnumerable<OpenApiOperation> Read(string service, JsonObject document)
    {
        var schemas = document["components"]?["schemas"]?.AsObject() ?? [];
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var method in Methods)
            {
                if (item![method] is not JsonObject operation) continue;
                var parameters = (operation["parameters"]?.AsArray() ?? [])
                    .Select(p => new OpenApiParameter(p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), SchemaShape.Of(p["schema"], schemas)))
                    .ToList();
                var content = operation["requestBody"]?["content"]?.AsObject();
                var (mediaType, body) = content?.FirstOrDefault() is { Key: { } type, Value: var media } ? (type, media) : (null, null);
                yield return new OpenApiOperation(service, method.ToUpperInvariant(), path, operation["operationId"]?.GetValue<string>() ?? $"{method} {path}",
                    parameters, mediaType, mediaType is null ? null : SchemaShape.Of(body?["schema"], schemas));
            }
    }
}

public enum ValueKind { String, Integer, Number, Boolean, Date, DateTime, Uuid, Enum, Array, Object, Binary }

/// <summary>
/// A JSON schema as far as bad inputs need it: the kind of value, an enum's values, an object's properties. The
/// documents say "nullable" as a type list or a oneOf with "null", and integers as integer-or-string with a pattern;
/// the shape takes the first kind that is not null, numbers before text.
/// </summary>
public sealed record SchemaShape(ValueKind Kind, IReadOnlyList<string> EnumValues, IReadOnlyList<(string Name, SchemaShape Shape)> Properties, SchemaShape? Items, int MinLength)
{
    private const int MaxDepth = 4;

    public static SchemaShape Of(JsonNode? schema, JsonObject schemas, int depth = 0)
    {
        if (schema is not JsonObject node || depth > MaxDepth) return Simple(ValueKind.String);
        if (node["$ref"]?.GetValue<string>() is { } reference)
            return Of(schemas[reference.Split('/')[^1]], schemas, depth + 1);
        if ((node["oneOf"] ?? node["anyOf"]) is JsonArray choices)
            return Of(choices.FirstOrDefault(c => c?["type"]?.ToString() != "null"), schemas, depth);
        if (node["enum"] is JsonArray values)
            return Simple(ValueKind.Enum) with { EnumValues = [.. values.OfType<JsonNode>().Select(v => v.ToString())] };

        var types = node["type"] switch
        {
            JsonArray list => list.Select(t => t!.GetValue<string>()).ToList(),
            JsonValue one => [one.GetValue<string>()],
            _ => node["properties"] is null ? ["string"] : ["object"],
        };
        var format = node["format"]?.GetValue<string>();
        var kind = types.Contains("integer") ? ValueKind.Integer
            : types.Contains("number") ? ValueKind.Number
            : types.Contains("boolean") ? ValueKind.Boolean
            : types.Contains("array") ? ValueKind.Array
            : types.Contains("object") ? ValueKind.Object
            : format switch { "date" => ValueKind.Date, "date-time" => ValueKind.DateTime, "uuid" => ValueKind.Uuid, "binary" => ValueKind.Binary, _ => ValueKind.String };
        return Simple(kind) with
        {
            Properties = [.. (node["properties"]?.AsObject() ?? []).Select(p => (p.Key, Of(p.Value, schemas, depth + 1)))],
            Items = node["items"] is { } items ? Of(items, schemas, depth + 1) : null,
            MinLength = node["minLength"]?.GetValue<int>() ?? 0,
        };
    }

    private static SchemaShape Simple(ValueKind kind) => new(kind, [], [], null, 0);
}
