using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Networks.Infrastructure;

namespace RedesPlataforma.Networks.ValueChains;

public sealed record ValueChainDto(string Code, string NameEs, string NameEn, bool National);

public sealed record ValueChainRequest(
    [property: Required, RegularExpression("^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$")] string Code,
    [property: Required, StringLength(100, MinimumLength = 2)] string NameEs,
    [property: Required, StringLength(100, MinimumLength = 2)] string NameEn);

public static class ValueChainsApi
{
    public static RouteGroupBuilder MapValueChainsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/value-chains").WithTags("Value chains");
        // The national unit names the national figures' chains too; it has no tenant, so it gets the catalogue alone.
        api.MapGet("/", ListValueChains).RequireAuthorization(Policies.Authenticated).WithName("ListValueChains")
            .WithDescription("The value chains the caller can use.");
        api.MapPost("/", AddValueChain).RequireAuthorization(Policies.TenantAdmin).WithName("AddValueChain")
            .WithDescription("A tenant admin adds a value chain.");
        return api;
    }

    /// <summary>The national catalogue plus the caller's own chains (none without a tenant: filter and row-level security).</summary>
    static async Task<Ok<List<ValueChainDto>>> ListValueChains(NetworksDb db, CancellationToken ct)
    {
        var national = await db.ValueChains.AsNoTracking().Select(c => new ValueChainDto(c.Code, c.NameEs, c.NameEn, true)).ToListAsync(ct);
        var own = await db.TenantValueChains.AsNoTracking().Select(c => new ValueChainDto(c.Code, c.NameEs, c.NameEn, false)).ToListAsync(ct);
        return TypedResults.Ok(national.Concat(own).OrderBy(c => c.NameEs).ToList());
    }

    static async Task<Results<Created<ValueChainDto>, ProblemHttpResult>> AddValueChain(ValueChainRequest request, NetworksDb db, CancellationToken ct)
    {
        if (await ValueChainCatalog.ExistsAsync(db, request.Code, ct))
            return Refusal.Conflict("code", "A value chain with this code already exists. / Ya existe una cadena con este código.").ToProblem();

        var chain = new TenantValueChain { Code = request.Code, NameEs = request.NameEs.Trim(), NameEn = request.NameEn.Trim() };
        db.TenantValueChains.Add(chain);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/value-chains/{chain.Code}", new ValueChainDto(chain.Code, chain.NameEs, chain.NameEn, false));
    }
}

public static class ValueChainCatalog
{
    /// <summary>True when the code is national or one of the current tenant's chains.</summary>
    public static async Task<bool> ExistsAsync(NetworksDb db, string code, CancellationToken ct) =>
        await db.ValueChains.AnyAsync(c => c.Code == code, ct) || await db.TenantValueChains.AnyAsync(c => c.Code == code, ct);
}
