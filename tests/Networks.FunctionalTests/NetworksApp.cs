using Microsoft.AspNetCore.Hosting;
using RedesPlataforma.Networks.Infrastructure;
using RedesPlataforma.Networks.Producers;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Networks.FunctionalTests;

/// <summary>The Networks service beside a real Tenants service (tokens, staff events).</summary>
public sealed class NetworksApp : ServiceBesideTenantsApp<NetworksDb>
{
    const string DniHashVersion = "t1";
    static readonly byte[] DniHashKey = [.. Enumerable.Range(100, 32).Select(i => (byte)i)];

    /// <summary>The DNI hash key the service runs with, so tests can compute the hashes its events must carry.</summary>
    public static readonly DniHasher DniHasher = new(DniHashVersion, DniHashKey);

    protected override string DatabasePrefix => "networks";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting($"{DniHashOptions.Section}:{nameof(DniHashOptions.DniHashCurrent)}", DniHashVersion);
        builder.UseSetting($"{DniHashOptions.Section}:{nameof(DniHashOptions.DniHashKeys)}:{DniHashVersion}", Convert.ToBase64String(DniHashKey));
    }
}

/// <summary>The Networks host the suite's classes share (see <see cref="SharedHost{TApp}"/>).</summary>
[CollectionDefinition(Name)]
public sealed class NetworksHost : SharedHost<NetworksApp>
{
    public const string Name = "NetworksHost";
}
