using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using RedesPlataforma.BuildingBlocks.ServiceDefaults;

namespace RedesPlataforma.BuildingBlocks.MultiTenancy;

/// <summary>
/// Runs after authentication: the request runs as the token's tenant. A route that names a tenant
/// (<c>/t/{tenantSlug}/...</c>) must name the token's own, or the request gets the same 404 a missing record gets.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next, ICurrentTenant currentTenant, ILogger<TenantResolutionMiddleware> logger)
{
    public const string RouteSlugKey = "tenantSlug";

    public async Task InvokeAsync(HttpContext context)
    {
        var tenant = ClaimsTenantResolver.Resolve(context.User);

        if (context.GetRouteValue(RouteSlugKey) is string routeSlug &&
            !string.Equals(routeSlug, tenant?.Identifier, StringComparison.OrdinalIgnoreCase))
        {
            await Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found").ExecuteAsync(context);
            return;
        }

        using var _ = currentTenant.Change(tenant);
        using var scope = logger.BeginScope(new LogScope("TenantId", tenant?.Id));
        await next(context);
    }
}
