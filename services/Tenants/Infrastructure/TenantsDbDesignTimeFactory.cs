using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Persistence;

namespace RedesPlataforma.Tenants.Infrastructure;

/// <summary>Lets `dotnet ef` build the model without starting the service (no broker, no keys, no database).</summary>
sealed class TenantsDbDesignTimeFactory : IDesignTimeDbContextFactory<TenantsDb>
{
    public TenantsDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TenantsDb>();
        options.UseServiceConventions("Host=127.0.0.1");
        return new TenantsDb(options.Options, new CurrentTenant());
    }
}
