namespace RedesPlataforma.Deploy.Tests;

/// <summary>One service of deploy/compose/docker-compose.yml, with its merged environment.</summary>
public sealed record ComposeService(
    string Name,
    string? Image,
    string? Project,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyDictionary<string, string?> DependsOn,
    bool HasHealthcheck,
    IReadOnlyList<string> Ports,
    IReadOnlyList<string> Networks)
{
    public bool WaitsUntilHealthy(string service) => DependsOn.GetValueOrDefault(service) == "service_healthy";
}

public static class ComposeFile
{
    public static string Path { get; } = Repository.PathOf("deploy", "compose", "docker-compose.yml");

    public static IReadOnlyDictionary<string, ComposeService> Services { get; } = Load();

    public static ComposeService Service(string name) =>
        Services.GetValueOrDefault(name) ?? throw new Xunit.Sdk.XunitException($"docker-compose.yml has no service '{name}'");

    /// <summary>The networks declared <c>internal: true</c>: no published ports and no route out.</summary>
    public static IReadOnlySet<string> InternalNetworks { get; } = Yaml.Document(Path).Map("networks") is var networks
        ? networks.Keys.Where(name => networks.Map(name).Text("internal") is "true" or "True").ToHashSet()
        : [];

    /// <summary>The databases the postgres container creates on its first start.</summary>
    public static IReadOnlyList<string> InitialisedDatabases =>
        Service("postgres").Environment.GetValueOrDefault("REDES_DATABASES", "").Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static Dictionary<string, ComposeService> Load()
    {
        var services = Yaml.Document(Path).Map("services");
        return services.Keys.ToDictionary(name => name, name =>
        {
            var service = services.Map(name);
            return new ComposeService(
                name,
                service.Text("image"),
                service.At("build", "args").Text("PROJECT"),
                service.Map("environment").Texts(),
                service.Map("depends_on").Keys.ToDictionary(d => d, d => service.At("depends_on", d).Text("condition")),
                service.Has("healthcheck"),
                [.. service.List("ports").Select(port => port?.ToString() ?? "")],
                // compose takes a list of names or a map keyed by them.
                [.. service.List("networks").OfType<string>().Concat(service.Map("networks").Keys)]);
        });
    }
}
