namespace RedesPlataforma.Contracts.Tenants;

/// <summary>
/// Every access token of the user issued before <c>NotBefore</c> stops being accepted by every service: published on
/// deactivation, role change, password change and sign-out (docs/decisions/0017). <c>Reason</c> is for the logs only.
/// </summary>
public record UserAccessRevoked(Guid UserId, Guid? TenantId, string Reason, DateTimeOffset NotBefore);
