using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.Tenants.Extensions;
using RedesPlataforma.Tenants.Identity;
using RedesPlataforma.Tenants.Infrastructure;

namespace RedesPlataforma.Tenants.Accounts;

/// <summary>
/// The anonymous account pages of the portal: accepting an invitation and resetting a forgotten password. A wrong,
/// expired or used token, an unknown user and a deactivated one all get the same answer, so the answers reveal nothing.
/// </summary>
public static class AccountRecoveryApi
{
    private static readonly PasswordResetAccepted ResetAccepted = new(
        "If an active account uses this e-mail, a link to reset its password is on its way. / " +
        "Si una cuenta activa usa este correo, le enviamos un enlace para restablecer su contraseña.");

    public static RouteGroupBuilder MapAccountRecoveryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/account").WithTags("Account").AllowAnonymous().RequireRateLimiting(AnonymousRateLimits.Account);
        api.MapPost("/invitation/accept", AcceptInvitation).WithName("AcceptInvitation")
            .WithDescription("Sets the first password of an invited user from the link in the invitation e-mail; the link then stops working.");
        api.MapPost("/password-reset", RequestPasswordReset).WithName("RequestPasswordReset")
            .WithDescription("E-mails a password-reset link if an active account uses the address; the answer is the same either way.");
        api.MapPost("/password-reset/confirm", ConfirmPasswordReset).WithName("ConfirmPasswordReset")
            .WithDescription("Sets a new password from the link in the password-reset e-mail; the link then stops working.");
        return api;
    }

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> AcceptInvitation(AccountLinkRequest request, UserManager<AppUser> users)
    {
        var user = await users.FindByIdAsync(request.UserId.ToString());
        // An accepted invitation already has a password; the changed security stamp refuses its token too.
        if (user is not { IsActive: true, PasswordHash: null } || !await users.VerifyUserTokenAsync(user, AccountTokens.Invitation, AccountTokens.Invitation, request.Token))
            return InvalidLink();
        if (await PasswordRules.ProblemAsync(users, user, request.Password, "password") is { } weak) return weak;

        user.EmailConfirmed = true;
        var set = await users.AddPasswordAsync(user, request.Password);
        return set.Succeeded ? TypedResults.NoContent() : InvalidLink();
    }

    static async Task<Accepted<PasswordResetAccepted>> RequestPasswordReset(PasswordResetRequest request, UserManager<AppUser> users, AccountEmails emails)
    {
        if (await users.FindByEmailAsync(request.Email) is { IsActive: true } user) await emails.SendPasswordResetAsync(user);
        return TypedResults.Accepted((string?)null, ResetAccepted);
    }

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ConfirmPasswordReset(
        AccountLinkRequest request, UserManager<AppUser> users, TenantsDb db, AccessRevoker revoker, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(request.UserId.ToString());
        if (user is not { IsActive: true }
            || !await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, request.Token))
            return InvalidLink();
        if (await PasswordRules.ProblemAsync(users, user, request.Password, "password") is { } weak) return weak;

        // The link reached the mailbox, so it is confirmed; a pending invitation is thereby accepted.
        user.EmailConfirmed = true;
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        var reset = await users.ResetPasswordAsync(user, request.Token, request.Password);
        if (!reset.Succeeded) return InvalidLink();
        // Whoever held the old password loses what it gave them.
        await revoker.RevokeAsync(user, AccessRevoker.Reasons.PasswordChanged, ct);
        await users.SetLockoutEndDateAsync(user, null);
        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult InvalidLink() => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "Invalid link / Enlace no válido",
        detail: "The link is invalid, expired or already used; ask for a new one. / El enlace no es válido, venció o ya se usó; pida uno nuevo.",
        extensions: new Dictionary<string, object?> { ["field"] = "token" });
}
