using System.IO.Compression;
using System.Net;
using System.Text;

namespace RedesPlataforma.Gateway.FunctionalTests;

/// <summary>The gateway serving a portal build from Portal:Root: a folder shaped like portal/dist, made for the test.</summary>
public sealed class PortalGatewayApp : GatewayApp
{
    public const string IndexHtml = "<!doctype html><title>Redes</title><div id=root></div>";
    public const string Script = "console.log('redes portal');";
    public const string ScriptPath = "/assets/index-Ab12Cd34.js";

    public string Root { get; } = Directory.CreateTempSubdirectory("redes-portal-").FullName;

    protected override IReadOnlyDictionary<string, string> GatewaySettings
    {
        get
        {
            Write("index.html", IndexHtml, brotli: true, gzip: true);
            Write(ScriptPath.TrimStart('/'), Script, brotli: true, gzip: true);
            Write("assets/only-gzip-Zz99.css", "body{margin:0}", brotli: false, gzip: true);
            File.WriteAllBytes(Path.Combine(Root, "favicon.ico"), [0, 0, 1, 0]);
            return new Dictionary<string, string> { ["Portal:Root"] = Root };
        }
    }

    private void Write(string relative, string content, bool brotli, bool gzip)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        if (brotli) File.WriteAllBytes(path + ".br", Compress(content, s => new BrotliStream(s, CompressionLevel.Optimal)));
        if (gzip) File.WriteAllBytes(path + ".gz", Compress(content, s => new GZipStream(s, CompressionLevel.Optimal)));
    }

    public static byte[] Compress(string content, Func<Stream, Stream> compressor)
    {
        using var buffer = new MemoryStream();
        using (var stream = compressor(buffer)) stream.Write(Encoding.UTF8.GetBytes(content));
        return buffer.ToArray();
    }
}

public sealed class PortalFilesTests(PortalGatewayApp app) : IClassFixture<PortalGatewayApp>
{
    [Fact]
    public async Task Hashed_assets_are_served_pre_compressed_with_brotli_when_accepted_and_cached_as_immutable()
    {
        var response = await GetAsync(PortalGatewayApp.ScriptPath, encodings: "gzip, deflate, br");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(File.ReadAllBytes(Path.Combine(app.Root, "assets/index-Ab12Cd34.js.br")), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
    }

    [Fact]
    public async Task Gzip_is_served_where_brotli_is_not_accepted_or_not_built_and_the_plain_file_otherwise()
    {
        var gzip = await GetAsync(PortalGatewayApp.ScriptPath, encodings: "gzip");
        Assert.Equal("gzip", Assert.Single(gzip.Content.Headers.ContentEncoding));
        Assert.Equal(PortalGatewayApp.Script, await Decompressed(gzip));

        var onlyGzip = await GetAsync("/assets/only-gzip-Zz99.css", encodings: "br, gzip");
        Assert.Equal("gzip", Assert.Single(onlyGzip.Content.Headers.ContentEncoding));
        Assert.Equal("text/css", onlyGzip.Content.Headers.ContentType?.MediaType);

        var plain = await GetAsync(PortalGatewayApp.ScriptPath, encodings: null);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(PortalGatewayApp.Script, await plain.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/personal/0191f0aa-0000-7000-8000-000000000001")]
    [InlineData("/nacional/solicitudes?status=Pending")]
    public async Task Every_page_address_of_the_application_gets_index_html_revalidated_on_each_visit(string path)
    {
        var response = await GetAsync(path, encodings: "br", accept: "text/html,application/xhtml+xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(PortalGatewayApp.IndexHtml, await Decompressed(response));
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_revalidation_with_the_current_entity_tag_is_answered_304()
    {
        var first = await GetAsync("/", encodings: "br", accept: "text/html");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/");
        again.Headers.Accept.ParseAdd("text/html");
        again.Headers.AcceptEncoding.ParseAdd("br");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var response = await app.Client().SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task The_favicon_is_served()
    {
        var response = await GetAsync("/favicon.ico", encodings: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/x-icon", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/assets/missing-0000.js", "*/*", HttpStatusCode.NotFound)]        // a file that is not there is not a page
    [InlineData("/personal/42", "application/json", HttpStatusCode.NotFound)]     // only browsers asking for HTML get the page
    [InlineData("/api/tenants", "text/html", HttpStatusCode.Unauthorized)]        // the API stays the API
    [InlineData("/health/live", "text/html", HttpStatusCode.OK)]
    public async Task Api_gateway_and_missing_file_paths_are_never_answered_with_the_page(string path, string accept, HttpStatusCode status)
    {
        var response = await GetAsync(path, encodings: null, accept: accept);

        Assert.Equal(status, response.StatusCode);
        Assert.NotEqual(PortalGatewayApp.IndexHtml, await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? encodings, string accept = "*/*")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd(accept);
        if (encodings is not null) request.Headers.AcceptEncoding.ParseAdd(encodings);
        return await app.Client().SendAsync(request);
    }

    private static async Task<string> Decompressed(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStreamAsync();
        Stream decoded = response.Content.Headers.ContentEncoding.FirstOrDefault() switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            _ => body,
        };
        using var reader = new StreamReader(decoded);
        return await reader.ReadToEndAsync();
    }
}
