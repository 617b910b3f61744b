using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace RedesPlataforma.EndToEnd.Tests.Robustness;

/// <summary>
/// One bad request for an operation: path values that replace the real ids (none keeps them), query parameters, and
/// a body. <see cref="Kind"/> names the family of bad input ("NUL", "boundary date", "extra fields", ...).
/// </summary>
public sealed record BadInput(string Kind, string Detail, IReadOnlyDictionary<string, string> Path, IReadOnlyList<KeyValuePair<string, string>> Query, Func<HttpContent>? Body)
{
    public override string ToString() => $"{Kind}: {Detail}";
}

/// <summary>
/// The bad inputs for one operation, generated from its schema with a seeded <see cref="Random"/> so every run sends
/// the same requests: each path id replaced by an unknown or a malformed one; each query parameter (a sample) given
/// wrong types, boundary numbers and dates, NUL and long text; each body property (a sample) the same plus unknown
/// enum values, null and absence; and the whole body malformed, with duplicate keys, with fields a client must not
/// set (tenantId, id, status, roles), of the wrong media type, and too large.
/// </summary>
public static class BadInputs
{
    public const int MaxPerOperation = 40;
    private const int SampledQueryParameters = 5;
    private const int SampledProperties = 10;
    private const int ServiceBodyLimit = 1024 * 1024;
    private const int GatewayBodyLimit = 10 * 1024 * 1024;

    /// <summary>
/// A query string far longer than this is refused by Kestrel's request-line limit (8 KB) before any application code
/// runs, as is a NUL (%00) in the path: Kestrel answers those itself, so they are not sent.
/// </summary>
    private static readonly string LongQueryText = new('q', 2_000);
    private static readonly string HundredThousand = new('x', 100_000);
    private static readonly Guid StrangerId = new("5e7a0000-0000-4000-8000-00000000bad1");

    public static IReadOnlyList<BadInput> For(OpenApiOperation operation, int seed)
    {
        var random = new Random(seed);
        var baseline = operation.BodyMediaType == "application/json" && operation.Body is { } shape ? Baseline(shape, random) : null;
        Func<HttpContent>? validish = baseline is null ? null : () => Json(baseline.ToJsonString());

        List<BadInput> whole = [.. PathCases(operation, random, validish), .. WholeBodyCases(operation, baseline)];
        List<BadInput> sampled =
        [
            .. Sample(operation.Parameters.Where(p => p.In == "query").ToList(), SampledQueryParameters, random)
                .SelectMany(p => Sample(QueryValues(p.Shape), 3, random).Select(v => Query(p.Name, v, validish))),
            .. baseline is null ? [] : Sample(operation.Body!.Properties.ToList(), SampledProperties, random)
                .SelectMany(p => Sample(BodyValues(p.Shape), 3, random).Select(v => Property(baseline, p.Name, v))),
        ];
        return [.. whole, .. sampled.Take(Math.Max(0, MaxPerOperation - whole.Count))];
    }

    private static IEnumerable<BadInput> PathCases(OpenApiOperation operation, Random random, Func<HttpContent>? body)
    {
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            yield return new("unknown id", parameter.Name, new Dictionary<string, string> { [parameter.Name] = NewGuid(random).ToString() }, [], body);
            yield return new("malformed id", parameter.Name, new Dictionary<string, string> { [parameter.Name] = "no-such-id" }, [], body);
        }
    }

    private static IEnumerable<BadInput> WholeBodyCases(OpenApiOperation operation, JsonObject? baseline)
    {
        if (operation.BodyMediaType is not { } mediaType) yield break;
        var empty = new Dictionary<string, string>();
        if (baseline is not null)
        {
            var extra = baseline.DeepClone().AsObject();
            extra["tenantId"] = StrangerId.ToString();
            extra["id"] = StrangerId.ToString();
            extra["status"] = "Approved";
            extra["roles"] = new JsonArray("NationalUnit", "TenantAdmin");
            yield return Body("extra fields", "tenantId, id, status, roles", () => Json(extra.ToJsonString()));

            var text = baseline.ToJsonString();
            if (baseline.FirstOrDefault() is { Key: { } first })
                yield return Body("duplicate keys", first, () => Json($"{{\"{first}\":\"duplicado\",{text[1..]}"));
            yield return Body("malformed JSON", "truncated", () => Json(text[..^1]));
            yield return Body("malformed JSON", "not UTF-8", () => new ByteArrayContent([0x7B, 0x22, 0xC3, 0x28, 0x22, 0x7D]) { Headers = { { "Content-Type", "application/json" } } });
            yield return Body("wrong shape", "array", () => Json("[]"));
            yield return Body("wrong shape", "empty body", () => Json(""));
            yield return Body("wrong media type", "text/plain", () => new StringContent(text, Encoding.UTF8, "text/plain"));
        }
        else
        {
            yield return Body("malformed body", $"JSON as {mediaType}", () => new StringContent("{\"a\":1}", Encoding.UTF8, mediaType));
            yield return Body("malformed body", "random bytes", () => new ByteArrayContent(RandomBytes(4096)) { Headers = { { "Content-Type", mediaType } } });
        }
        yield return Body("oversized body", "2 MB with Content-Length", () => new OversizedContent(2 * ServiceBodyLimit, chunked: false, mediaType));
        yield return Body("oversized body", "12 MB chunked", () => new OversizedContent(GatewayBodyLimit + 2 * ServiceBodyLimit, chunked: true, mediaType));

        BadInput Body(string kind, string detail, Func<HttpContent> content) => new(kind, detail, empty, [], content);
    }

    private static BadInput Query(string name, (string Kind, string Value) bad, Func<HttpContent>? body) =>
        new(bad.Kind, $"query {name}={Shorten(bad.Value)}", new Dictionary<string, string>(), [new(name, bad.Value)], body);

    private static BadInput Property(JsonObject baseline, string name, (string Kind, JsonNode? Value, bool Remove) bad)
    {
        var body = baseline.DeepClone().AsObject();
        if (bad.Remove) body.Remove(name);
        else body[name] = bad.Value?.DeepClone();
        var text = body.ToJsonString();
        return new(bad.Kind, $"body {name}={(bad.Remove ? "(absent)" : Shorten(bad.Value?.ToJsonString() ?? "null"))}", new Dictionary<string, string>(), [], () => Json(text));
    }

    private static IReadOnlyList<(string Kind, string Value)> QueryValues(SchemaShape shape) => shape.Kind switch
    {
        ValueKind.Integer => [("wrong type", "abc"), ("boundary number", "-1"), ("boundary number", "0"), ("int overflow", "2147483648"),
            ("int overflow", "-2147483649"), ("int overflow", "99999999999999999999"), ("wrong type", "1.5")],
        ValueKind.Number => [("wrong type", "abc"), ("boundary number", "-1"), ("boundary number", "1e400"), ("boundary number", "NaN")],
        ValueKind.Boolean => [("wrong type", "maybe"), ("wrong type", "2")],
        ValueKind.Date or ValueKind.DateTime => [("boundary date", "0001-01-01"), ("boundary date", "9999-12-31"), ("wrong type", "2024-02-30"), ("wrong type", "ayer")],
        ValueKind.Uuid => [("wrong type", "not-a-guid"), ("boundary id", Guid.Empty.ToString())],
        ValueKind.Enum => [("unknown enum", "NoSuchValue"), ("unknown enum", "999")],
        _ => [("NUL", "a\0b"), ("NUL", "\0"), ("long text", LongQueryText), ("odd text", "%' OR 1=1 --"), ("odd text", "\uFFFF\u202E")],
    };

    private static IReadOnlyList<(string Kind, JsonNode? Value, bool Remove)> BodyValues(SchemaShape shape)
    {
        (string, JsonNode?, bool)[] common = [("null", null, false), ("absent", null, true)];
        (string, JsonNode?, bool)[] specific = shape.Kind switch
        {
            ValueKind.Integer => [("wrong type", "abc", false), ("boundary number", -1, false), ("boundary number", 0, false),
                ("int overflow", 2147483648L, false), ("int overflow", -2147483649L, false), ("boundary number", 1.7e308, false), ("wrong type", 1.5, false)],
            ValueKind.Number => [("wrong type", "abc", false), ("boundary number", -1, false), ("boundary number", 1.7e308, false),
                ("boundary number", -1.7e308, false), ("boundary number", 0.000000001m, false)],
            ValueKind.Boolean => [("wrong type", "true", false), ("wrong type", 1, false)],
            ValueKind.Date => [("boundary date", "0001-01-01", false), ("boundary date", "9999-12-31", false), ("wrong type", "2024-02-30", false), ("wrong type", 20240101, false)],
            ValueKind.DateTime => [("boundary date", "0001-01-01T00:00:00Z", false), ("boundary date", "9999-12-31T23:59:59Z", false), ("wrong type", "ayer", false)],
            ValueKind.Uuid => [("wrong type", "not-a-guid", false), ("boundary id", Guid.Empty.ToString(), false), ("unknown id", StrangerId.ToString(), false)],
            ValueKind.Enum => [("unknown enum", "NoSuchValue", false), ("unknown enum", 999, false), ("unknown enum", "", false)],
            ValueKind.Array => [("wrong type", new JsonObject(), false), ("wrong type", "x", false), ("NUL", new JsonArray("a\0b"), false),
                ("long list", new JsonArray([.. Enumerable.Range(0, 5_000).Select(i => (JsonNode)JsonValue.Create($"v{i}"))]), false)],
            ValueKind.Object => [("wrong type", "x", false), ("wrong type", new JsonArray(), false)],
            _ => [("NUL", "a\0b", false), ("NUL", "\0", false), ("long text", HundredThousand, false), ("wrong type", 12345, false), ("wrong type", new JsonObject(), false)],
        };
        return [.. common, .. specific];
    }

    /// <summary>A plausible value of every property (not necessarily one the service accepts): the bad inputs replace one part at a time.</summary>
    private static JsonObject Baseline(SchemaShape shape, Random random) =>
        shape.Kind == ValueKind.Object ? (JsonObject)Value(shape, "", random, 0)! : [];

    private static JsonNode? Value(SchemaShape shape, string name, Random random, int depth) => shape.Kind switch
    {
        ValueKind.Object => new JsonObject(depth > 3 ? [] : shape.Properties.Select(p => KeyValuePair.Create(p.Name, Value(p.Shape, p.Name, random, depth + 1)))),
        ValueKind.Array => new JsonArray(),
        ValueKind.Integer => name.Contains("year", StringComparison.OrdinalIgnoreCase) ? 2024 : 1,
        ValueKind.Number => 100,
        ValueKind.Boolean => true,
        ValueKind.Date => "2025-06-15",
        ValueKind.DateTime => "2025-06-15T12:00:00Z",
        ValueKind.Uuid => NewGuid(random).ToString(),
        ValueKind.Enum => shape.EnumValues.FirstOrDefault(),
        _ => ("Prueba " + name).PadRight(Math.Max(shape.MinLength, 3), 'x'),
    };

    private static IEnumerable<T> Sample<T>(IReadOnlyList<T> items, int count, Random random) =>
        items.Count <= count ? items : items.OrderBy(_ => random.Next()).Take(count);

    private static Guid NewGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static string Shorten(string value) => value.Length > 40 ? $"{value[..12]}…({value.Length} chars)" : value.Replace("\0", "\\0");
}

/// <summary>A body of <c>length</c> bytes, written as it is sent: with a Content-Length, or chunked (no length known up front).</summary>
public sealed class OversizedContent : HttpContent
{
    private readonly long _length;
    private readonly bool _chunked;

    public OversizedContent(long length, bool chunked, string mediaType)
    {
        _length = length;
        _chunked = chunked;
        Headers.TryAddWithoutValidation("Content-Type", mediaType);
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var block = Encoding.ASCII.GetBytes(new string('a', 64 * 1024));
        for (long written = 0; written < _length; written += block.Length)
            await stream.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, _length - written)));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return !_chunked;
    }
}
