using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace RedesPlataforma.Gateway.Portal;

/// <summary>
/// The web portal's build (portal/dist: index.html, hashed assets/, favicon): each file served in its pre-compressed
/// form when the client accepts it (brotli, then gzip, written beside it by the build), hashed assets cached for a
/// year as immutable, everything else revalidated. A path with no file extension that asks for HTML is one of the
/// application's own pages (/personal/42) and gets index.html, so reloads and deep links work.
/// </summary>
public sealed class PortalFiles(IFileProvider files)
{
    private const string ImmutableAssets = "public, max-age=31536000, immutable";
    private const string Revalidate = "no-cache";

    /// <summary>Paths the portal never answers: they belong to the API, the token server and the gateway itself.</summary>
    private static readonly string[] ReservedPrefixes = ["/api", "/bff", "/connect", "/.well-known", "/openapi", "/scalar", "/health"];

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public IResult? Resolve(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)) return null;
        var path = request.Path.Value ?? "/";
        if (IsReserved(path)) return null;

        var file = files.GetFileInfo(path);
        if (!file.Exists || file.IsDirectory)
        {
            if (Path.HasExtension(path) || !AcceptsHtml(request)) return null;
            path = "/index.html";
            file = files.GetFileInfo(path);
            if (!file.Exists) return null;
        }

        var contentType = ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";
        var (served, encoding) = Compressed(path, request) ?? (file, null);
        var headers = request.HttpContext.Response.Headers;
        headers.CacheControl = path.StartsWith("/assets/", StringComparison.Ordinal) ? ImmutableAssets : Revalidate;
        headers.Vary = HeaderNames.AcceptEncoding;
        if (encoding is not null) headers.ContentEncoding = encoding;

        var tag = new EntityTagHeaderValue($"\"{served.Length:x}-{served.LastModified.UtcTicks:x}\"");
        return TypedResults.PhysicalFile(served.PhysicalPath!, contentType, lastModified: served.LastModified, entityTag: tag);
    }

    /// <summary>A loop, not LINQ: every API request passes here, and a lambda capturing the path allocates each time.</summary>
    private static bool IsReserved(string path)
    {
        foreach (var prefix in ReservedPrefixes)
            if (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private (IFileInfo File, string? Encoding)? Compressed(string path, HttpRequest request)
    {
        var accepted = request.Headers.AcceptEncoding.ToString();
        foreach (var (encoding, suffix) in new[] { ("br", ".br"), ("gzip", ".gz") })
        {
            if (!accepted.Contains(encoding, StringComparison.OrdinalIgnoreCase)) continue;
            var candidate = files.GetFileInfo(path + suffix);
            if (candidate.Exists) return (candidate, encoding);
        }
        return null;
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
