using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Tenants.Model;

namespace RedesPlataforma.Tenants.Apis;

public sealed record MeDto(Guid Id, string FullName, string Email, IReadOnlyList<string> Roles, TenantInfo? Tenant, string Language);

public sealed record LanguageRequest(string? Language);

public sealed record ChangePasswordRequest(
    [property: Required] string CurrentPassword,
    [property: Required, StringLength(128, MinimumLength = 10)] string NewPassword);

public static class AccountApi
{
    public static RouteGroupBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/account").WithTags("Account").RequireAuthorization(Policies.Authenticated);
        api.MapGet("/me", Me);
        api.MapPost("/password", ChangePassword);
        api.MapPost("/logout", Logout);
        api.MapPut("/language", SetLanguage).WithName("SetLanguage")
            .WithSummary("Sets the language of the portal and of the user's e-mails: \"es\" (the default) or \"en\".");
        return api;
    }

    static async Task<Results<Ok<MeDto>, NotFound>> Me(ICurrentUser actor, ICurrentTenant tenant, UserManager<AppUser> users) =>
        await users.FindByIdAsync(actor.Id.ToString()!) is { } user
            ? TypedResults.Ok(new MeDto(user.Id, user.FullName, user.Email!, [.. await users.GetRolesAsync(user)], tenant.Tenant, user.Language))
            : TypedResults.NotFound();

    static async Task<Results<NoContent, NotFound, ValidationProblem>> ChangePassword(ChangePasswordRequest request, ICurrentUser actor, UserManager<AppUser> users)
    {
        var user = await users.FindByIdAsync(actor.Id.ToString()!);
        if (user is null) return TypedResults.NotFound();
        var changed = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        return changed.Succeeded
            ? TypedResults.NoContent()
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["newPassword"] = [.. changed.Errors.Select(e => e.Description)] });
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

    /// <summary>Signs out everywhere: a new security stamp makes every refresh token of the user fail at its next use.</summary>
    static async Task<Results<NoContent, NotFound>> Logout(ICurrentUser actor, UserManager<AppUser> users)
    {
        var user = await users.FindByIdAsync(actor.Id.ToString()!);
        if (user is null) return TypedResults.NotFound();
        await users.UpdateSecurityStampAsync(user);
        return TypedResults.NoContent();
    }
}
