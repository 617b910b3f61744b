using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using RedesPlataforma.BuildingBlocks.ServiceDefaults;

namespace RedesPlataforma.BuildingBlocks.Tests;

public sealed class NulTextMiddlewareTests
{
    [Theory]
    [InlineData("""{"module":"Ca\u0000cao","hours":4}""", "module")]
    [InlineData("""{"lines":[{"description":"ok"},{"description":"\u0000"}]}""", "lines[1].description")]
    [InlineData("""{"tags":{"k":"v\u0000"}}""", "tags.k")]
    [InlineData("""{"tags":{"k\u0000":"v"}}""", "tags.k\u0000")]
    [InlineData("""{"regions":["PE-CUS","PE-\u0000"],"after":"x"}""", "regions[1]")]
    [InlineData("""["a","\u0000"]""", "[1]")]
    [InlineData("\"\\u0000\"", "body")]
    public async Task A_JSON_body_with_a_NUL_is_a_400_naming_the_field_before_the_endpoint_runs(string json, string field)
    {
        var (status, errors, reached) = await SendAsync(json);

        Assert.Equal((StatusCodes.Status400BadRequest, false), (status, reached));
        Assert.Contains(field, errors);
    }

    [Theory]
    [InlineData("""{"module":"Cacao","notes":"\\u0000 is how JSON writes a NUL"}""")] // an escaped backslash: no NUL
    [InlineData("""{"module":"Ca\u0000""")]                                          // not JSON: binding says so
    [InlineData("""{"module":"Cacao","hours":4}""")]
    public async Task A_body_without_a_NUL_reaches_the_endpoint_unread(string json)
    {
        var (status, _, reached) = await SendAsync(json);

        Assert.Equal((StatusCodes.Status200OK, true), (status, reached));
    }

    [Fact]
    public async Task A_body_the_endpoint_does_not_bind_as_JSON_is_left_to_whoever_reads_it()
    {
        // The gateway's proxied routes: the service behind checks the body.
        var (status, _, reached) = await SendAsync("""{"module":"Ca\u0000cao"}""", bindsJson: false);

        Assert.Equal((StatusCodes.Status200OK, true), (status, reached));
    }

    private static async Task<(int Status, string[] Errors, bool Reached)> SendAsync(string json, bool bindsJson = true)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.SetEndpoint(new Endpoint(null, bindsJson ? new EndpointMetadataCollection(new AcceptsMetadata(["application/json"])) : EndpointMetadataCollection.Empty, "test"));
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        context.Response.Body = new MemoryStream();
        string? bodySeen = null;
        var middleware = new NulTextMiddleware(async http => bodySeen = await new StreamReader(http.Request.Body).ReadToEndAsync());

        await middleware.InvokeAsync(context);

        if (bodySeen is not null) Assert.Equal(json, bodySeen); // the endpoint reads the whole body again
        context.Response.Body.Position = 0;
        var errors = context.Response.StatusCode == StatusCodes.Status400BadRequest
            ? JsonDocument.Parse(context.Response.Body).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray()
            : [];
        return (context.Response.StatusCode, errors, bodySeen is not null);
    }
}
