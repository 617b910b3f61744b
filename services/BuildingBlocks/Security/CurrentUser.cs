using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace RedesPlataforma.BuildingBlocks.Security;

/// <summary>Who is acting, for audit columns and logs. Null outside a request (consumers, jobs).</summary>
public interface ICurrentUser
{
    Guid? Id { get; }
    string? Name { get; }
}

public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public Guid? Id => User.FindUserId();

    public string? Name => User?.FindFirst(PlatformClaims.Name)?.Value;
}
