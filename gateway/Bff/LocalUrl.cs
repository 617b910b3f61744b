namespace RedesPlataforma.Gateway.Bff;

public static class LocalUrl
{
    /// <summary>A path on this origin, or "/": another origin or a scheme-relative "//host" would be an open redirect.</summary>
    public static string OrRoot(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
