using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace RedesPlataforma.Tenants.Accounts;

public static class PasswordRules
{
    /// <summary>
    /// Identity's password rules, checked on their own: before an account exists (an application to join) or before
    /// a link's token is spent, so a weak password does not use up the link.
    /// </summary>
    public static async Task<ValidationProblem?> ProblemAsync(UserManager<AppUser> users, AppUser user, string password, string field)
    {
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors.Select(e => e.Description));
        return errors.Count > 0 ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [.. errors] }) : null;
    }
}
