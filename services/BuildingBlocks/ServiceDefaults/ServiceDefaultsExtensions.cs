using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Idempotency;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Security;

namespace RedesPlataforma.BuildingBlocks.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>What every service has: problem details for every error, strict JSON (<see cref="RequestJson"/>),
    /// OpenAPI, health checks, OpenTelemetry, structured logs with scopes, the tenant accessor and the role policies.</summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        // The trace when a tracer records one, else the correlation id every log line of the request carries.
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.CorrelationId());
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(options => RequestJson.Configure(options.SerializerOptions));
        // Also outside Development: a body or parameter that cannot be read reaches ProblemExceptionHandler, which names it.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer<PlatformOpenApiDocument>());
        builder.Services.AddHealthChecks();
        builder.Services.TryAddSingleton<ICurrentTenant, CurrentTenant>();
        builder.Services.AddPlatformAuthorization();
        builder.Logging.AddJsonConsole(options => options.IncludeScopes = true);
        builder.AddOpenTelemetryDefaults();
        return builder;
    }

    /// <summary>The shared pipeline (errors, body limit, no NUL in request texts, authentication, tenant, authorization, idempotency keys) and
    /// /health/live, /health/ready and /openapi/v1.json.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseMiddleware<NulTextMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseAuthorization();
        app.UseIdempotencyIfAdded();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
