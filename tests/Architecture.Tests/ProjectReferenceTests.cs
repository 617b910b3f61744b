namespace RedesPlataforma.Architecture.Tests;

/// <summary>
/// Which project may reference which: services meet only through BuildingBlocks and the event contracts, and test
/// suites share only tests/Testing, so each service and each suite builds and changes on its own.
/// </summary>
public sealed class ProjectReferenceTests
{
    const string BuildingBlocks = "services/BuildingBlocks/BuildingBlocks.csproj";
    const string Contracts = "services/Contracts/Contracts.csproj";
    const string Testing = "tests/Testing/Testing.csproj";

    /// <summary>The deployable APIs: the services and the gateway.</summary>
    public static readonly IReadOnlyList<string> ServiceProjects =
        [.. Repository.Projects.Where(p => p.StartsWith("services/") && p is not BuildingBlocks and not Contracts).Append("gateway/Gateway.csproj")];

    public static TheoryData<string> Services() => [.. ServiceProjects];

    public static TheoryData<string> TestSuites() => [.. Repository.Projects.Where(p => p.StartsWith("tests/") && p != Testing)];

    [Fact]
    public void There_are_services_and_test_suites_to_check()
    {
        Assert.True(ServiceProjects.Count >= 5);
        Assert.True(TestSuites().Count >= 10);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void A_service_references_only_the_building_blocks_and_the_contracts(string service) =>
        Assert.All(Repository.References(service), reference => Assert.Contains(reference, new[] { BuildingBlocks, Contracts }));

    [Fact]
    public void The_building_blocks_reference_only_the_contracts_and_the_contracts_nothing()
    {
        Assert.Equal([Contracts], Repository.References(BuildingBlocks));
        Assert.Empty(Repository.References(Contracts));
    }

    [Theory]
    [MemberData(nameof(TestSuites))]
    public void A_test_suite_references_no_other_test_project_than_testing(string suite) =>
        Assert.All(Repository.References(suite), reference => Assert.True(!reference.StartsWith("tests/") || reference == Testing, reference));

    [Fact]
    public void Every_project_is_in_the_solution()
    {
        var solution = File.ReadAllText(Path.Combine(Repository.Root, "RedesPlataforma.sln")).Replace('\\', '/');
        Assert.All(Repository.Projects, project => Assert.Contains($"\"{project}\"", solution));
    }
}
