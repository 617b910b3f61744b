using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using RedesPlataforma.BuildingBlocks.Audit;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Security;

namespace RedesPlataforma.BuildingBlocks.Persistence;

public static class DatabaseExtensions
{
    /// <summary>Connects as the service's non-owner role, which row-level security applies to.</summary>
    public const string ConnectionName = "Database";

    /// <summary>The owner role: migrations only.</summary>
    public const string OwnerConnectionName = "DatabaseOwner";

    /// <summary>
    /// The service's PostgreSQL database: one data source (with prepared statements), a (never pooled) DbContext that
    /// carries the tenant interceptors and keeps one connection from its first query to its disposal, a readiness
    /// check, and migrations at start-up when Database:MigrateOnStartup is true.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TDb>(this IHostApplicationBuilder builder) where TDb : DbContext
    {
        builder.Services.TryAddSingleton<ICurrentTenant, CurrentTenant>();
        builder.Services.TryAddSingleton<TenantConnectionInterceptor>();
        builder.Services.TryAddSingleton<TenantSaveChangesInterceptor>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.TryAddSingleton<ICurrentUser, HttpCurrentUser>();
        builder.Services.TryAddSingleton<AuditStampInterceptor>();
        builder.Services.TryAddSingleton<ConnectionPerContext>();
        builder.Services.AddSingleton(sp => ServiceDataSource.Create(RequiredConnectionString(sp.GetRequiredService<IConfiguration>(), ConnectionName)));
        builder.Services.AddDbContext<TDb>((sp, options) => options
            .UseServiceConventions(sp.GetRequiredService<NpgsqlDataSource>())
            .AddInterceptors(
                sp.GetRequiredService<TenantConnectionInterceptor>(),
                sp.GetRequiredService<ConnectionPerContext>(),
                sp.GetRequiredService<TenantSaveChangesInterceptor>(),
                sp.GetRequiredService<AuditStampInterceptor>(),
                PersonalDataReads.Interceptor),
            // Everything above is a singleton, so the options are built once: built per request (the default), they
            // were re-assembled and compared with EF's cache on every request (docs/decisions/0037, addendum).
            optionsLifetime: ServiceLifetime.Singleton);
        builder.Services.AddHealthChecks().AddNpgSql(sp => sp.GetRequiredService<NpgsqlDataSource>(), name: "database", tags: ["ready"]);

        if (builder.Configuration.GetValue<bool>("Database:MigrateOnStartup"))
            builder.Services.AddHostedService<DatabaseMigrator<TDb>>();
        return builder;
    }

    public static DbContextOptionsBuilder UseServiceConventions(this DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource).UseSnakeCaseNamingConvention();

    public static DbContextOptionsBuilder UseServiceConventions(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention();

    public static DbContextOptionsBuilder<TDb> UseServiceConventionsFor<TDb>(this DbContextOptionsBuilder<TDb> options, string connectionString)
        where TDb : DbContext => options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention();

    public static string RequiredConnectionString(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) ?? throw new InvalidOperationException($"Connection string '{name}' is not configured.");
}
