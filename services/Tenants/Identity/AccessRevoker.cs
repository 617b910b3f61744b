using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Validation;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.Security.Revocation;
using RedesPlataforma.Contracts.Tenants;
using RedesPlataforma.Tenants.Accounts;
using RedesPlataforma.Tenants.Infrastructure;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace RedesPlataforma.Tenants.Identity;

/// <summary>
/// Ends a user's access everywhere on deactivation, role change, password change and sign-out (docs/decisions/0017):
/// the user's refresh tokens are revoked at once, this service's own revocation row is written, and
/// <see cref="UserAccessRevoked"/> goes through the outbox to every other service, all with the caller's SaveChanges.
/// </summary>
public sealed class AccessRevoker(TenantsDb db, IOpenIddictTokenManager tokens, TimeProvider clock)
{
    public static class Reasons
    {
        public const string Deactivated = "deactivated";
        public const string RolesChanged = "roles_changed";
        public const string PasswordChanged = "password_changed";
        public const string SignedOut = "signed_out";
    }

    /// <summary>Call inside the change's transaction, before its SaveChanges.</summary>
    public async Task RevokeAsync(AppUser user, string reason, CancellationToken ct = default)
    {
        var notBefore = AccessRevocation.NotBeforeFor(clock.GetUtcNow());
        await tokens.RevokeBySubjectAsync(user.Id.ToString(), ct);
        if (await db.Set<AccessRevocation>().FindAsync([user.Id], ct) is { } row) row.NotBefore = notBefore;
        else db.Set<AccessRevocation>().Add(new AccessRevocation { UserId = user.Id, NotBefore = notBefore });
        db.AddIntegrationEvent(new UserAccessRevoked(user.Id, user.TenantId, reason, notBefore), user.Id);
    }

    /// <summary>
    /// A token issued in the second a revocation takes effect from would carry an <c>iat</c> before it and be refused
    /// for its whole life: the token server issues the user's next token only once that second has passed (at most one second).
    /// </summary>
    public static async Task WaitForNotBeforeAsync(TenantsDb db, Guid userId, TimeProvider clock, CancellationToken ct = default)
    {
        var notBefore = await db.Set<AccessRevocation>().AsNoTracking().Where(r => r.UserId == userId)
            .Select(r => (DateTimeOffset?)r.NotBefore).SingleOrDefaultAsync(ct);
        var wait = notBefore - clock.GetUtcNow();
        if (wait > TimeSpan.Zero) await Task.Delay(wait.Value, clock, ct);
    }
}

/// <summary>
/// The Tenants service validates its own access tokens through OpenIddict rather than JwtBearer: this step refuses
/// those issued before their user's revocation, from the same <see cref="RevocationList"/> the other services keep.
/// </summary>
public sealed class RevokedAccessTokens(RevocationList revocations) : IOpenIddictValidationHandler<ValidateTokenContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } = OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
        .UseSingletonHandler<RevokedAccessTokens>()
        .SetOrder(OpenIddictValidationHandlers.Protection.ValidateAuthorizationEntry.Descriptor.Order + 1_000)
        .SetType(OpenIddictValidationHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(ValidateTokenContext context)
    {
        if (context.Principal is { } principal && Guid.TryParse(principal.GetClaim(Claims.Subject), out var userId)
            && revocations.IsRevoked(userId, principal.GetCreationDate() ?? DateTimeOffset.MinValue))
            context.Reject(Errors.InvalidToken, "The user's access was revoked after this token was issued.");
        return ValueTask.CompletedTask;
    }
}
