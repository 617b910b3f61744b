namespace RedesPlataforma.Deploy.Tests;

/// <summary>One object of a manifest file, e.g. the Deployment in networks.yaml.</summary>
public sealed record KubeObject(string File, string Kind, string Name, YamlMap Manifest)
{
    /// <summary>A Deployment's only container.</summary>
    public YamlMap Container => Manifest.At("spec", "template", "spec").Maps("containers").Single();
}

/// <summary>deploy/k8s as <c>kubectl apply -k</c> sees it: what kustomization.yaml lists, plus the Secrets template.</summary>
public static class KubernetesManifests
{
    public static string Folder { get; } = Repository.PathOf("deploy", "k8s");

    private static readonly YamlMap Kustomization = Yaml.Document(Path.Combine(Folder, "kustomization.yaml"));

    public static IReadOnlyList<string> Resources { get; } = [.. Kustomization.List("resources").OfType<string>()];

    /// <summary>The image names kustomize pins to a registry and tag.</summary>
    public static IReadOnlyList<string> PinnedImages { get; } = [.. Kustomization.Maps("images").Select(image => image.Text("name") ?? "")];

    /// <summary>Objects of the listed resources that exist; a listed file that is missing is a test of its own.</summary>
    public static IReadOnlyList<KubeObject> Objects { get; } =
        [.. Resources.Where(file => File.Exists(Path.Combine(Folder, file))).SelectMany(Load)];

    /// <summary>secrets.example.yaml is applied by hand (filled in), never by kustomize: the Secrets it describes.</summary>
    public static IReadOnlyList<KubeObject> SecretTemplates { get; } = Load("secrets.example.yaml");

    public static KubeObject? Find(string kind, string name) => Objects.SingleOrDefault(o => o.Kind == kind && o.Name == name);

    public static KubeObject Get(string kind, string name) =>
        Find(kind, name) ?? throw new Xunit.Sdk.XunitException($"no {kind} '{name}' in the resources kustomization.yaml lists");

    public static IReadOnlyDictionary<string, string> SecretTemplate(string name) =>
        SecretTemplates.SingleOrDefault(s => s.Kind == "Secret" && s.Name == name)?.Manifest.Map("stringData").Texts()
        ?? throw new Xunit.Sdk.XunitException($"secrets.example.yaml has no Secret '{name}'");

    private static IReadOnlyList<KubeObject> Load(string file) =>
        [.. Yaml.Documents(Path.Combine(Folder, file))
            .Select(doc => new KubeObject(file, doc.Text("kind") ?? "", doc.Map("metadata").Text("name") ?? "", doc))];
}
