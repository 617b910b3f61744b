using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Tenants.Identity;
using RedesPlataforma.Tenants.Infrastructure;

namespace RedesPlataforma.Tenants.Accounts;

public static class AccountApi
{
    public static RouteGroupBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/account").WithTags("Account").RequireAuthorization(Policies.Authenticated);
        api.MapGet("/me", Me).WithName("GetMyAccount")
            .WithDescription("The signed-in user: id, name, e-mail, roles, tenant and language.");
        api.MapPost("/password", ChangePassword).WithName("ChangePassword")
            .WithDescription("Changes the signed-in user's password, given the current one.");
        api.MapPost("/logout", Logout).WithName("Logout")
            .WithDescription("Signs the user out: renews their security stamp, so their refresh tokens stop working.");
        api.MapPut("/language", SetLanguage).WithName("SetLanguage")
            .WithDescription("Sets the language of the portal and of the user's e-mails: \"es\" (the default) or \"en\".");
        return api;
    }

    static async Task<Results<Ok<MeDto>, NotFound>> Me(ICurrentUser actor, ICurrentTenant tenant, UserManager<AppUser> users) =>
        await users.FindByIdAsync(actor.Id.ToString()!) is { } user
            ? TypedResults.Ok(new MeDto(user.Id, user.FullName, user.Email!, [.. await users.GetRolesAsync(user)], tenant.Tenant, user.Language))
            : TypedResults.NotFound();

    /// <summary>Every access and refresh token of the user stops working, this session's included: the client signs in again.</summary>
    static async Task<Results<NoContent, NotFound, ValidationProblem>> ChangePassword(
        ChangePasswordRequest request, ICurrentUser actor, UserManager<AppUser> users, TenantsDb db, AccessRevoker revoker, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(actor.Id.ToString()!);
        if (user is null) return TypedResults.NotFound();
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        var changed = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        if (!changed.Succeeded)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["newPassword"] = [.. changed.Errors.Select(e => e.Description)] });
        await revoker.RevokeAsync(user, AccessRevoker.Reasons.PasswordChanged, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    static async Task<Results<NoContent, NotFound, ValidationProblem>> SetLanguage(LanguageRequest request, ICurrentUser actor, UserManager<AppUser> users)
    {
        if (!Languages.IsSupported(request.Language))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["language"] = [$"The language is \"{Languages.Spanish}\" or \"{Languages.English}\". / El idioma es \"{Languages.Spanish}\" o \"{Languages.English}\"."],
            });
        var user = await users.FindByIdAsync(actor.Id.ToString()!);
        if (user is null) return TypedResults.NotFound();
        user.Language = request.Language!;
        await users.UpdateAsync(user);
        return TypedResults.NoContent();
    }

    /// <summary>Signs out everywhere: the user's refresh tokens are revoked, a new security stamp refuses any left, and
    /// every access token issued so far stops working in every service within seconds.</summary>
    static async Task<Results<NoContent, NotFound>> Logout(ICurrentUser actor, UserManager<AppUser> users, AccessRevoker revoker, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(actor.Id.ToString()!);
        if (user is null) return TypedResults.NotFound();
        await revoker.RevokeAsync(user, AccessRevoker.Reasons.SignedOut, ct);
        await users.UpdateSecurityStampAsync(user);
        return TypedResults.NoContent();
    }
}
