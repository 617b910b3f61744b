namespace RedesPlataforma.BuildingBlocks.Security;

/// <summary>Claim names in the platform's access tokens (JWT names, not the long WS-* URIs).</summary>
public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Email = "email";
    public const string Role = "role";
    public const string Tenant = "tenant";
    public const string TenantSlug = "tenant_slug";
    public const string TenantName = "tenant_name";
}
