using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RedesPlataforma.BuildingBlocks.MultiTenancy;

namespace RedesPlataforma.BuildingBlocks.Persistence;

/// <summary>
/// Lets `dotnet ef` build a service's model without starting the service (no broker, no keys, no database): derive one,
/// with a parameterless constructor, in the service's assembly for each DbContext.
/// </summary>
public abstract class ServiceDbDesignTimeFactory<TDb>(Func<DbContextOptions<TDb>, ICurrentTenant, TDb> create) : IDesignTimeDbContextFactory<TDb>
    where TDb : DbContext
{
    public TDb CreateDbContext(string[] args) =>
        create(new DbContextOptionsBuilder<TDb>().UseServiceConventionsFor("Host=127.0.0.1").Options, new CurrentTenant());
}
