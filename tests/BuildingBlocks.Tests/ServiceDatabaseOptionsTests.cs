using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RedesPlataforma.BuildingBlocks.Persistence;

namespace RedesPlataforma.BuildingBlocks.Tests;

public sealed class ServiceDatabaseOptionsTests
{
    private sealed class ProbeDb(DbContextOptions<ProbeDb> options) : DbContext(options);

    [Fact]
    public void A_services_database_options_are_built_once_and_shared_by_every_requests_context()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[$"ConnectionStrings:{DatabaseExtensions.ConnectionName}"] = "Host=127.0.0.1;Database=probe";
        builder.AddServiceDatabase<ProbeDb>();
        using var host = builder.Build();

        using var first = host.Services.CreateScope();
        using var second = host.Services.CreateScope();
        var options = first.ServiceProvider.GetRequiredService<DbContextOptions<ProbeDb>>();

        Assert.Same(options, second.ServiceProvider.GetRequiredService<DbContextOptions<ProbeDb>>());
        Assert.NotSame(first.ServiceProvider.GetRequiredService<ProbeDb>(), second.ServiceProvider.GetRequiredService<ProbeDb>());
    }
}
