namespace RedesPlataforma.Deploy.Tests;

/// <summary>The list the other tests iterate is the real one: the web projects under services/, and the gateway routes to exactly those.</summary>
public sealed class PlatformTests
{
    [Fact]
    public void The_backends_are_the_web_projects_under_services_and_not_the_libraries()
    {
        var names = Repository.Backends.Select(b => b.Name).ToList();
        Assert.Contains(Repository.TokenServer, names);
        Assert.DoesNotContain("BuildingBlocks", names);
        Assert.DoesNotContain("Contracts", names);
    }

    /// <summary>A cluster without a backend would answer 503 forever; a backend without a cluster would be unreachable from outside.</summary>
    [Fact]
    public void The_gateway_has_a_cluster_for_every_backend_and_none_for_anything_else() =>
        Assert.Equal(
            Repository.Backends.Select(b => b.Key).Order(),
            GatewaySettings.Clusters.Select(c => c.ToLowerInvariant()).Order());
}
