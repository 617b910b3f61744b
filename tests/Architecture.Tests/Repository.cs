using System.Xml.Linq;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Architecture.Tests;

/// <summary>The repository's projects and sources, as the checks read them from disk.</summary>
static class Repository
{
    public static string Root => LocalInfrastructure.RepositoryRoot;

    /// <summary>Every project file, as a path relative to the root with '/' separators ("services/Networks/Networks.csproj").</summary>
    public static IReadOnlyList<string> Projects { get; } =
        [.. Directory.EnumerateFiles(Root, "*.csproj", SearchOption.AllDirectories).Select(Relative).Where(p => !IsBuildOutput(p)).Order()];

    /// <summary>The projects <paramref name="project"/> references, relative to the root like <see cref="Projects"/>.</summary>
    public static IReadOnlyList<string> References(string project)
    {
        var folder = Path.GetDirectoryName(Path.Combine(Root, project))!;
        return [.. XDocument.Load(Path.Combine(Root, project)).Descendants("ProjectReference")
            .Select(r => Relative(Path.GetFullPath(Path.Combine(folder, r.Attribute("Include")!.Value.Replace('\\', '/')))))];
    }

    /// <summary>The C# sources under <paramref name="folder"/>, build output left out.</summary>
    public static IEnumerable<string> Sources(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories).Where(file => !IsBuildOutput(Relative(file)));

    static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    static bool IsBuildOutput(string relative) =>
        relative.Split('/') is var parts && parts.Any(part => part is "bin" or "obj" or "node_modules");
}
