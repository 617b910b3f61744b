using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RedesPlataforma.BuildingBlocks.Persistence;

/// <summary>Applies pending migrations as the owner role before the service starts taking requests.</summary>
public sealed class DatabaseMigrator<TDb>(IServiceProvider services, IConfiguration configuration, ILogger<DatabaseMigrator<TDb>> logger)
    : IHostedService where TDb : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var ownerConnection = DatabaseExtensions.RequiredConnectionString(configuration, DatabaseExtensions.OwnerConnectionName);
        var options = new DbContextOptionsBuilder<TDb>();
        options.UseServiceConventions(ownerConnection);
        await using var db = ActivatorUtilities.CreateInstance<TDb>(services, options.Options);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        logger.LogInformation("Applied {Count} migrations to {Database}", pending.Count, typeof(TDb).Name);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
