using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace RedesPlataforma.Testing;

/// <summary>Bad input as a probe sends it, and the answer every service owes it: a 400 problem naming the field.</summary>
public static class BadInput
{
    /// <summary>A text with U+0000 in the middle, as JSON writes it (<c>\u0000</c>) and as a query carries it (<c>%00</c>).</summary>
    public const string Nul = "a\0b";
    public const string NulInQuery = "a%00b";

    /// <summary><paramref name="body"/> as JSON with <paramref name="field"/> (top level) set to <paramref name="value"/>.</summary>
    public static StringContent With(object body, string field, JsonNode? value)
    {
        var json = JsonSerializer.SerializeToNode(body, Json.Options)!.AsObject();
        json[field] = value;
        return Raw(json.ToJsonString());
    }

    /// <summary><paramref name="body"/> as JSON without <paramref name="field"/>.</summary>
    public static StringContent Without(object body, string field)
    {
        var json = JsonSerializer.SerializeToNode(body, Json.Options)!.AsObject();
        Assert.True(json.Remove(field), $"The body has no {field}");
        return Raw(json.ToJsonString());
    }

    public static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Asserts a 400 problem whose <c>errors</c> name <paramref name="field"/> (or whose detail does).</summary>
    public static async Task AssertNamesAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest,
            $"Expected 400 naming {field}, got {(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        var named = problem.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any(e => e.Name.Equals(field, StringComparison.OrdinalIgnoreCase))
            || (problem.TryGetProperty("detail", out var detail) && detail.GetString()!.Contains($"'{field}'", StringComparison.OrdinalIgnoreCase));
        Assert.True(named, $"The problem does not name {field}: {body}");
    }
}
