using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Persistence;

namespace RedesPlataforma.Financing.Infrastructure;

/// <summary>Lets `dotnet ef` build the model without starting the service.</summary>
sealed class FinancingDbDesignTimeFactory : IDesignTimeDbContextFactory<FinancingDb>
{
    public FinancingDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<FinancingDb>().UseServiceConventionsFor("Host=127.0.0.1").Options, new CurrentTenant());
}
