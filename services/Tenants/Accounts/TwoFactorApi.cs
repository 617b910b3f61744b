using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Security;

namespace RedesPlataforma.Tenants.Accounts;

public static class TwoFactorApi
{
    public static RouteGroupBuilder MapTwoFactorApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/account/two-factor").WithTags("Account").RequireAuthorization(Policies.Authenticated);
        api.MapGet("/", Status).WithName("GetTwoFactorStatus")
            .WithDescription("Whether the signed-in person has a second factor, whether the institution requires one, and how many recovery codes are left.");
        api.MapPost("/authenticator", SetUp).WithName("SetUpAuthenticator")
            .WithDescription("A new authenticator key to enrol with (text, otpauth URI, QR code as an SVG data URI); the second factor stays off until confirmed with a code.");
        api.MapPost("/enable", Enable).WithName("EnableTwoFactor")
            .WithDescription("Turns the second factor on with a code from the authenticator and answers ten recovery codes, shown only now. Every other session ends at its next refresh.");
        api.MapPost("/recovery-codes", RegenerateRecoveryCodes).WithName("RegenerateRecoveryCodes")
            .WithDescription("Ten new recovery codes after the password or a current code; the old ones stop working.");
        api.MapPost("/disable", Disable).WithName("DisableTwoFactor")
            .WithDescription("Turns the second factor off after the password or a current code; refused while the institution requires it.");
        return api;
    }

    static async Task<Results<Ok<TwoFactorStatus>, NotFound>> Status(ICurrentUser actor, UserManager<AppUser> users, TwoFactor twoFactor) =>
        await users.FindByIdAsync(actor.Id.ToString()!) is { } user
            ? TypedResults.Ok(new TwoFactorStatus(user.TwoFactorEnabled, await twoFactor.IsRequiredAsync(user), await twoFactor.MayEnrolAsync(user),
                user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0))
            : TypedResults.NotFound();

    static async Task<Results<Ok<AuthenticatorSetup>, NotFound, ProblemHttpResult>> SetUp(ICurrentUser actor, UserManager<AppUser> users, TwoFactor twoFactor)
    {
        var user = await users.FindByIdAsync(actor.Id.ToString()!);
        if (user is null) return TypedResults.NotFound();
        if (user.TwoFactorEnabled) return AlreadyOn;
        if (!await twoFactor.MayEnrolAsync(user)) return NotOffered;
        return TypedResults.Ok(await twoFactor.SetUpAsync(user));
    }

    static async Task<Results<Ok<RecoveryCodes>, NotFound, ValidationProblem, ProblemHttpResult>> Enable(
        TwoFactorCodeRequest request, ICurrentUser actor, UserManager<AppUser> users, TwoFactor twoFactor, HttpContext http, TimeProvider clock)
    {
        var user = await users.FindByIdAsync(actor.Id.ToString()!);
        if (user is null) return TypedResults.NotFound();
        if (user.TwoFactorEnabled) return AlreadyOn;
        if (!await twoFactor.MayEnrolAsync(user)) return NotOffered;
        var (check, codes) = await twoFactor.EnableAsync(user, request.Code);
        return check switch
        {
            SecondFactor.Passed => TypedResults.Ok(new RecoveryCodes(codes)),
            SecondFactor.LockedOut => LockedOut(user, http, clock),
            _ => WrongCode("code"),
        };
    }

    static Task<Results<Ok<RecoveryCodes>, NotFound, ValidationProblem, ProblemHttpResult>> RegenerateRecoveryCodes(
        TwoFactorConfirmation request, ICurrentUser actor, UserManager<AppUser> users, TwoFactor twoFactor, HttpContext http, TimeProvider clock) =>
        ConfirmedAsync(request, actor, users, twoFactor, http, clock, async user => TypedResults.Ok(new RecoveryCodes(await twoFactor.RegenerateRecoveryCodesAsync(user))));

    static Task<Results<Ok<RecoveryCodes>, NotFound, ValidationProblem, ProblemHttpResult>> Disable(
        TwoFactorConfirmation request, ICurrentUser actor, UserManager<AppUser> users, TwoFactor twoFactor, HttpContext http, TimeProvider clock) =>
        ConfirmedAsync(request, actor, users, twoFactor, http, clock, async user =>
        {
            if (await twoFactor.IsRequiredAsync(user))
                return Refusal.Conflict(null, "The institution requires two-factor sign-in. / La institución exige la verificación en dos pasos.").ToProblem();
            await twoFactor.DisableAsync(user);
            return TypedResults.Ok(new RecoveryCodes([]));
        });

    /// <summary>A change to an enabled second factor, after the password or a current code (wrong ones count towards the lockout).</summary>
    private static async Task<Results<Ok<RecoveryCodes>, NotFound, ValidationProblem, ProblemHttpResult>> ConfirmedAsync(
        TwoFactorConfirmation request, ICurrentUser actor, UserManager<AppUser> users, TwoFactor twoFactor, HttpContext http, TimeProvider clock,
        Func<AppUser, Task<Results<Ok<RecoveryCodes>, NotFound, ValidationProblem, ProblemHttpResult>>> change)
    {
        var user = await users.FindByIdAsync(actor.Id.ToString()!);
        if (user is null) return TypedResults.NotFound();
        if (!user.TwoFactorEnabled)
            return Refusal.Conflict(null, "Two-factor sign-in is off. / La verificación en dos pasos está desactivada.").ToProblem();
        return await twoFactor.ConfirmAsync(user, request.Password, request.Code) switch
        {
            SecondFactor.Passed => await change(user),
            SecondFactor.LockedOut => LockedOut(user, http, clock),
            _ => WrongCode(string.IsNullOrEmpty(request.Password) ? "code" : "password"),
        };
    }

    private static ProblemHttpResult AlreadyOn =>
        Refusal.Conflict(null, "Two-factor sign-in is already on. / La verificación en dos pasos ya está activada.").ToProblem();

    private static ProblemHttpResult NotOffered => Refusal.Forbidden(null,
        "Two-factor sign-in is offered to the national unit and to institution administrators. / La verificación en dos pasos se ofrece a la unidad nacional y a los administradores de institución.").ToProblem();

    private static ValidationProblem WrongCode(string field) => TypedResults.ValidationProblem(new Dictionary<string, string[]>
    {
        [field] = [field == "password"
            ? "The password is incorrect. / La contraseña es incorrecta."
            : "The code is incorrect or was already used. / El código es incorrecto o ya se usó."],
    });

    /// <summary>Too many wrong passwords or codes: 429 until the lockout ends.</summary>
    private static ProblemHttpResult LockedOut(AppUser user, HttpContext http, TimeProvider clock) =>
        TooManyRequests.Problem(http.Response, (user.LockoutEnd ?? clock.GetUtcNow()) - clock.GetUtcNow(), seconds =>
            $"The account is locked after repeated failed attempts; try again in {seconds} s. / La cuenta está bloqueada por intentos fallidos; intente de nuevo en {seconds} s.");
}
