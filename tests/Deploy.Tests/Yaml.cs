using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace RedesPlataforma.Deploy.Tests;

/// <summary>
/// One YAML mapping as plain values: nested <see cref="YamlMap"/>s, lists and scalar strings (never typed: "5672"
/// and 5672 both read as text). Anchors, aliases and merge keys (<c>&lt;&lt;: *service-env</c>) are resolved the way
/// docker compose resolves them, so a test sees what a service really gets. A missing key reads as empty, and the
/// assertion on it fails with the key's name rather than a NullReferenceException.
/// </summary>
public sealed class YamlMap(IReadOnlyDictionary<string, object?> entries)
{
    public static readonly YamlMap Empty = new(new Dictionary<string, object?>());

    public IEnumerable<string> Keys => entries.Keys;

    public bool Has(string key) => entries.ContainsKey(key);

    public string? Text(string key) => entries.GetValueOrDefault(key) as string;

    public YamlMap Map(string key) => entries.GetValueOrDefault(key) as YamlMap ?? Empty;

    public YamlMap At(params string[] path) => path.Aggregate(this, (map, key) => map.Map(key));

    public IReadOnlyList<object?> List(string key) => entries.GetValueOrDefault(key) as IReadOnlyList<object?> ?? [];

    public IEnumerable<YamlMap> Maps(string key) => List(key).OfType<YamlMap>();

    /// <summary>The scalar entries only, e.g. a compose <c>environment:</c> or a ConfigMap's <c>data:</c>.</summary>
    public IReadOnlyDictionary<string, string> Texts() =>
        entries.Where(e => e.Value is string).ToDictionary(e => e.Key, e => (string)e.Value!);

    internal static object? FromParsed(object? value) => value switch
    {
        IDictionary<object, object?> map => new YamlMap(map.ToDictionary(e => e.Key.ToString()!, e => FromParsed(e.Value))),
        IList<object?> list => list.Select(FromParsed).ToList(),
        _ => value?.ToString(),
    };
}

public static class Yaml
{
    /// <summary>Every document of a file (Kubernetes manifests hold several, separated by <c>---</c>).</summary>
    public static IReadOnlyList<YamlMap> Documents(string path)
    {
        using var reader = File.OpenText(path);
        var parser = new MergingParser(new Parser(reader));
        var deserializer = new DeserializerBuilder().Build();
        parser.Consume<StreamStart>();
        var documents = new List<YamlMap>();
        while (parser.Accept<DocumentStart>(out _))
            if (YamlMap.FromParsed(deserializer.Deserialize<object?>(parser)) is YamlMap document) documents.Add(document);
        return documents;
    }

    public static YamlMap Document(string path) => Documents(path).Single();
}
