using System.Text.Json;
using RedesPlataforma.BuildingBlocks.ServiceDefaults;

namespace RedesPlataforma.BuildingBlocks.Tests;

public sealed class RequestJsonTests
{
    public sealed record Training(string Module, string? Notes, decimal Hours, bool Passed, bool? Certified, int Retries = 0, IReadOnlyDictionary<string, string>? Tags = null);

    private static readonly JsonSerializerOptions Options = Configured();

    private static JsonSerializerOptions Configured()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        RequestJson.Configure(options);
        return options;
    }

    [Fact]
    public void A_complete_body_and_one_without_its_optional_fields_are_read()
    {
        var full = JsonSerializer.Deserialize<Training>("""{"module":"Cacao","notes":"ok","hours":4,"passed":true,"certified":false,"retries":2,"tags":{"k":"v"}}""", Options)!;
        Assert.Equal(("Cacao", true, 2, "v"), (full.Module, full.Passed, full.Retries, full.Tags!["k"]));

        var minimal = JsonSerializer.Deserialize<Training>("""{"module":"Cacao","hours":4,"passed":false}""", Options)!;
        Assert.Equal((null, null, 0), (minimal.Notes, minimal.Certified, minimal.Retries));
    }

    [Theory]
    [InlineData("""{"module":"Cacao","hours":4}""", "passed")]                          // a bool left out is not false
    [InlineData("""{"module":"Cacao","passed":true}""", "hours")]                       // nor is a number 0
    [InlineData("""{"module":"Cacao","hours":4,"passed":true,"passed":false}""", "passed")]  // which one would count?
    public void A_body_that_leaves_out_a_value_or_repeats_a_key_is_refused_naming_the_field(string json, string named)
    {
        var refused = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Training>(json, Options));
        Assert.Contains(named, $"{refused.Path} {refused.Message}");
    }

    [Fact]
    public void Writing_is_unchanged()
    {
        var json = JsonSerializer.Serialize(new Training("Cacao", null, 4, true, null, Tags: new Dictionary<string, string> { ["k"] = "v" }), Options);
        Assert.Equal("""{"module":"Cacao","notes":null,"hours":4,"passed":true,"certified":null,"retries":0,"tags":{"k":"v"}}""", json);
    }
}
