using System.IO.Compression;
using System.Net;
using System.Text.Json;

namespace RedesPlataforma.Gateway.FunctionalTests;

public sealed class ApiCompressionTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, br", "br")]
    public async Task Proxied_json_is_compressed_for_clients_that_accept_it(string accepted, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        request.Headers.AcceptEncoding.ParseAdd(accepted);

        var response = await app.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, Assert.Single(response.Content.Headers.ContentEncoding));
        var body = await response.Content.ReadAsStreamAsync();
        await using var decoded = expected == "br" ? (Stream)new BrotliStream(body, CompressionMode.Decompress) : new GZipStream(body, CompressionMode.Decompress);
        var document = await JsonDocument.ParseAsync(decoded);
        Assert.True(document.RootElement.TryGetProperty("token_endpoint", out _));
    }

    [Fact]
    public async Task A_client_that_asks_for_no_encoding_gets_plain_json()
    {
        var response = await app.Client().GetAsync("/.well-known/openid-configuration");

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.TryGetProperty("token_endpoint", out _));
    }
}
