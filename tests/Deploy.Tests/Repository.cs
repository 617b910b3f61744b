using System.Xml.Linq;

namespace RedesPlataforma.Deploy.Tests;

/// <summary>
/// A deployable project: a web project under services/ (a backend) or the gateway. Its lower-case name is the
/// compose service, the Kubernetes objects, the image <c>redes/&lt;name&gt;</c> and, for a backend, the database
/// <c>redes_&lt;name&gt;</c> (the same names deploy/local/lib.sh gives it).
/// </summary>
public sealed record Deployable(string Name, string Project)
{
    public string Key => Name.ToLowerInvariant();
    public string Database => $"redes_{Key}";
    public string Image => $"redes/{Key}";
}

public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>Tokens are issued by this service; the others validate them against it (deploy/local/lib.sh's IDENTITY_SERVICE).</summary>
    public const string TokenServer = "Tenants";

    public static Deployable Gateway { get; } = new("Gateway", "gateway/Gateway.csproj");

    /// <summary>
    /// Every web project under services/, found on disk so that a new service fails these tests until it is deployed.
    /// Libraries (BuildingBlocks, Contracts) use the plain SDK and are left out.
    /// </summary>
    public static IReadOnlyList<Deployable> Backends { get; } =
    [
        .. Directory.GetFiles(PathOf("services"), "*.csproj", SearchOption.AllDirectories)
            .Where(IsWebProject)
            .Select(project => new Deployable(Path.GetFileNameWithoutExtension(project), Path.GetRelativePath(Root, project).Replace('\\', '/')))
            .OrderBy(service => service.Name, StringComparer.Ordinal),
    ];

    public static Deployable Backend(string name) => Backends.Single(service => service.Name == name);

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static bool IsWebProject(string csproj) =>
        XDocument.Load(csproj).Root?.Attribute("Sdk")?.Value == "Microsoft.NET.Sdk.Web";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RedesPlataforma.sln"))) return dir.FullName;
        throw new InvalidOperationException("RedesPlataforma.sln not found above " + AppContext.BaseDirectory);
    }
}
