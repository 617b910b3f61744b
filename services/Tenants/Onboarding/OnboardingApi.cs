using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Tenants.Accounts;
using RedesPlataforma.Tenants.Extensions;
using RedesPlataforma.Tenants.Infrastructure;
using RedesPlataforma.Tenants.Institutions;

namespace RedesPlataforma.Tenants.Onboarding;

public static class OnboardingApi
{
    public const string SlugPattern = "^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$";

    public static RouteGroupBuilder MapOnboardingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/onboarding/applications").WithTags("Onboarding");
        api.MapPost("/", Apply).AllowAnonymous().RequireRateLimiting(AnonymousRateLimits.Onboarding)
            .WithName("ApplyForOnboarding")
            .WithDescription("An institution applies to join the platform; anonymous and rate limited.");
        api.MapGet("/{id:guid}/status", GetApplicationStatus).AllowAnonymous().RequireRateLimiting(AnonymousRateLimits.Onboarding)
            .WithName("GetApplicationStatus")
            .WithDescription("The status of an application, for the applicant: answered only when the RUC is the application's (404 otherwise).");

        var review = api.MapGroup("").RequireAuthorization(Policies.NationalUnit);
        review.MapGet("/", ListApplications).WithName("ListOnboardingApplications")
            .WithDescription("The onboarding applications; for the national unit.");
        review.MapGet("/{id:guid}", GetApplication).WithName("GetOnboardingApplication")
            .WithDescription("One onboarding application; for the national unit.");
        review.MapPost("/{id:guid}/approve", Approve).WithName("ApproveOnboardingApplication")
            .WithDescription("Approves an application, which creates the tenant and its first admin.");
        review.MapPost("/{id:guid}/reject", Reject).WithName("RejectOnboardingApplication")
            .WithDescription("Rejects an application, with a reason.");
        return api;
    }

    static async Task<Results<Created<ApplicationDto>, ValidationProblem, ProblemHttpResult>> Apply(
        ApplicationRequest request, TenantsDb db, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct)
    {
        var probe = new AppUser { FullName = request.AdminFullName, Email = request.AdminEmail, UserName = request.AdminEmail };
        if (await PasswordRules.ProblemAsync(users, probe, request.AdminPassword, "adminPassword") is { } weak) return weak;

        if (await db.Tenants.AnyAsync(t => t.Slug == request.Slug, ct) || await db.Applications.AnyAsync(a => a.Slug == request.Slug && a.Status == ApplicationStatus.Pending, ct))
            return Refusal.Conflict("slug", "The slug is already taken. / El identificador ya está en uso.").ToProblem();
        if (await db.Tenants.AnyAsync(t => t.Ruc == request.Ruc, ct) || await db.Applications.AnyAsync(a => a.Ruc == request.Ruc && a.Status == ApplicationStatus.Pending, ct))
            return Refusal.Conflict("ruc", "An institution with this RUC is already on the platform or has applied. / Una institución con este RUC ya está en la plataforma o ya postuló.").ToProblem();
        if (await users.FindByEmailAsync(request.AdminEmail) is not null)
            return Refusal.Conflict("adminEmail", "An account with this email already exists. / Ya existe una cuenta con este correo.").ToProblem();
        var adminEmail = request.AdminEmail.Trim().ToLowerInvariant();
        if (await db.Applications.AnyAsync(a => a.AdminEmail.ToLower() == adminEmail && a.Status == ApplicationStatus.Pending, ct))
            return Refusal.Conflict("adminEmail", "A pending application already uses this email. / Una solicitud pendiente ya usa este correo.").ToProblem();

        var application = new OnboardingApplication
        {
            InstitutionName = request.InstitutionName.Trim(),
            Kind = request.Kind!.Value,
            Ruc = request.Ruc,
            Regions = [.. request.Regions.Distinct()],
            Slug = request.Slug,
            AdminFullName = request.AdminFullName.Trim(),
            AdminEmail = request.AdminEmail.Trim(),
            AdminPasswordHash = users.PasswordHasher.HashPassword(probe, request.AdminPassword),
            SubmittedAt = clock.GetUtcNow(),
        };
        db.Applications.Add(application);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/onboarding/applications/{application.Id}", ToDto(application));
    }

    // A wrong RUC and an unknown id get the same 404, so the lookup cannot be used to find applications.
    static async Task<Results<Ok<ApplicationStatusDto>, NotFound>> GetApplicationStatus(Guid id, string? ruc, TenantsDb db, CancellationToken ct) =>
        await db.Applications.AsNoTracking().Where(a => a.Id == id && a.Ruc == ruc)
            .Select(a => new ApplicationStatusDto(a.InstitutionName, a.Status, a.SubmittedAt, a.DecidedAt, a.DecisionReason)).SingleOrDefaultAsync(ct) is { } status
            ? TypedResults.Ok(status)
            : TypedResults.NotFound();

    static async Task<Ok<Page<ApplicationDto>>> ListApplications(
        [AsParameters] PageRequest page, ApplicationStatus? status, TenantsDb db, CancellationToken ct)
    {
        var query = db.Applications.AsNoTracking().Where(a => status == null || a.Status == status).OrderByDescending(a => a.SubmittedAt);
        var result = await query.Select(a => new ApplicationDto(a.Id, a.InstitutionName, a.Kind, a.Ruc, a.Regions, a.Slug, a.AdminFullName,
            a.AdminEmail, a.Status, a.SubmittedAt, a.DecidedAt, a.DecisionReason, a.TenantId)).ToPageAsync(page, ct);
        return TypedResults.Ok(result);
    }

    static async Task<Results<Ok<ApplicationDto>, NotFound>> GetApplication(Guid id, TenantsDb db, CancellationToken ct) =>
        await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) is { } application
            ? TypedResults.Ok(ToDto(application))
            : TypedResults.NotFound();

    static async Task<Results<Ok<TenantDto>, NotFound, ProblemHttpResult>> Approve(Guid id, TenantOnboarding onboarding, CancellationToken ct) =>
        await onboarding.ApproveAsync(id, ct);

    static async Task<Results<Ok<ApplicationDto>, NotFound, ProblemHttpResult>> Reject(
        Guid id, RejectRequest request, TenantsDb db, ICurrentUser actor, TimeProvider clock, CancellationToken ct)
    {
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null) return TypedResults.NotFound();
        if (application.Reject(request.Reason.Trim(), actor.Id!.Value, clock.GetUtcNow()) is { } refused) return refused.ToProblem();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(application));
    }

    internal static ApplicationDto ToDto(OnboardingApplication a) => new(a.Id, a.InstitutionName, a.Kind, a.Ruc, a.Regions, a.Slug,
        a.AdminFullName, a.AdminEmail, a.Status, a.SubmittedAt, a.DecidedAt, a.DecisionReason, a.TenantId);
}
