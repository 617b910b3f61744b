using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Persistence;

namespace RedesPlataforma.Reporting.Infrastructure;

/// <summary>Lets `dotnet ef` build the model without starting the service.</summary>
sealed class ReportingDbDesignTimeFactory : IDesignTimeDbContextFactory<ReportingDb>
{
    public ReportingDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ReportingDb>().UseServiceConventionsFor("Host=127.0.0.1").Options, new CurrentTenant());
}
