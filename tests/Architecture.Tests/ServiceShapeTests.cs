using System.Reflection;
using RedesPlataforma.Contracts.Networks;

namespace RedesPlataforma.Architecture.Tests;

/// <summary>What every service has in common, so a new one starts from the same shape.</summary>
public sealed class ServiceShapeTests
{
    public static TheoryData<string> Programs() =>
        [.. ProjectReferenceTests.ServiceProjects.Select(project => $"{Path.GetDirectoryName(project)}/Program.cs")];

    /// <summary>The defaults (errors, auth, tenant, health, OpenAPI) come from BuildingBlocks, and the tests start the service by its Program.</summary>
    [Theory]
    [MemberData(nameof(Programs))]
    public void A_service_takes_its_defaults_from_the_building_blocks_and_is_startable_by_tests(string program)
    {
        var source = File.ReadAllText(Path.Combine(Repository.Root, program));
        Assert.Contains("builder.AddServiceDefaults();", source);
        Assert.Contains("app.MapDefaultEndpoints();", source);
        Assert.EndsWith("public partial class Program;", source.TrimEnd());
    }

    [Fact]
    public void The_contracts_are_records_only()
    {
        var types = typeof(NetworkFormed).Assembly.GetExportedTypes();
        Assert.NotEmpty(types);
        // The compiler gives every record, and only records, a <Clone>$ method.
        Assert.All(types, type => Assert.True(type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null, type.FullName));
    }
}
