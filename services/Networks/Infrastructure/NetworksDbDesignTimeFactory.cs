using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Persistence;

namespace RedesPlataforma.Networks.Infrastructure;

/// <summary>Lets `dotnet ef` build the model without starting the service.</summary>
sealed class NetworksDbDesignTimeFactory : IDesignTimeDbContextFactory<NetworksDb>
{
    public NetworksDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NetworksDb>().UseServiceConventionsFor("Host=127.0.0.1").Options, new CurrentTenant());
}
