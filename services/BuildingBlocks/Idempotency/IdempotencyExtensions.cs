using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace RedesPlataforma.BuildingBlocks.Idempotency;

public static class IdempotencyExtensions
{
    /// <summary>
    /// Idempotency-Key on the service's writes, kept in <typeparamref name="TDb"/> (whose model calls
    /// <see cref="IdempotencyModel.AddIdempotencyRecords"/>), with the purge of expired keys.
    /// <see cref="ServiceDefaults.ServiceDefaultsExtensions.MapDefaultEndpoints"/> adds the middleware when this was called.
    /// </summary>
    public static IHostApplicationBuilder AddIdempotency<TDb>(this IHostApplicationBuilder builder) where TDb : DbContext
    {
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Idempotency").Get<IdempotencyOptions>() ?? new IdempotencyOptions());
        builder.Services.AddScoped(sp => new IdempotencyDb(sp.GetRequiredService<TDb>()));
        builder.Services.AddSingleton<IdempotencyRetention>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IdempotencyRetention>());
        return builder;
    }

    /// <summary>After authentication, the tenant and authorization: a refused request never takes or stores a key.</summary>
    internal static IApplicationBuilder UseIdempotencyIfAdded(this IApplicationBuilder app) =>
        app.ApplicationServices.GetService<IdempotencyOptions>() is null ? app : app.UseMiddleware<IdempotencyMiddleware>();
}
