using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Contracts.Tenants;
using RedesPlataforma.Tenants.Accounts;
using RedesPlataforma.Tenants.Audit;
using RedesPlataforma.Tenants.Identity;
using RedesPlataforma.Tenants.Infrastructure;

namespace RedesPlataforma.Tenants.Staff;

public static class StaffApi
{
    public static RouteGroupBuilder MapStaffApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/staff").WithTags("Staff").RequireAuthorization(Policies.TenantAdmin);
        api.MapGet("/", ListStaff).WithName("ListStaff")
            .WithDescription("The tenant's staff, filtered by name, role, org unit, region, status and training, paged.");
        api.MapGet("/{id:guid}", GetStaff).WithName("GetStaffMember")
            .WithDescription("One staff member with roles, regions, selection criteria and trainings.");
        api.MapPost("/", CreateStaff).WithName("CreateStaffMember")
            .WithDescription("Creates a staff member with a password chosen by the admin.");
        api.MapPost("/invitations", InviteStaff).WithName("InviteStaff")
            .WithDescription("Creates a staff member without a password and e-mails them a single-use link, valid 48 hours, to choose one.");
        api.MapPost("/{id:guid}/invitation", ResendInvitation).WithName("ResendStaffInvitation")
            .WithDescription("E-mails a fresh invitation link while the invitation is pending; earlier links stop working.");
        api.MapPut("/{id:guid}", UpdateStaff).WithName("UpdateStaffMember")
            .WithDescription("Replaces a staff member's name, contact data, org unit and regions.");
        api.MapPut("/{id:guid}/roles", SetRoles).WithName("SetStaffRoles")
            .WithDescription("Replaces a staff member's roles.");
        api.MapPut("/{id:guid}/selection-criteria", SetSelectionCriteria).WithName("SetStaffSelectionCriteria")
            .WithDescription("Records which of the methodology's selection criteria a staff member meets.");
        api.MapPost("/{id:guid}/trainings", RecordTraining).WithName("RecordStaffTraining")
            .WithDescription("Records a training a staff member completed.");
        api.MapPost("/{id:guid}/deactivate", Deactivate).WithName("DeactivateStaffMember")
            .WithDescription("Deactivates a staff member, who can then no longer sign in.");
        api.MapPost("/{id:guid}/reactivate", Reactivate).WithName("ReactivateStaffMember")
            .WithDescription("Reactivates a deactivated staff member.");
        return api;
    }

    static async Task<Ok<Page<StaffSummary>>> ListStaff([AsParameters] PageRequest page, [AsParameters] StaffFilter filter, TenantsDb db, CancellationToken ct)
    {
        var search = filter.Search?.Trim();
        var query = db.StaffMembers.AsNoTracking()
            .Where(s => search == null || EF.Functions.ILike(s.FullName, $"%{search}%") || EF.Functions.ILike(s.Email, $"%{search}%") || s.Dni == search)
            .Where(s => filter.OrgUnitId == null || s.OrgUnitId == filter.OrgUnitId)
            .Where(s => filter.Region == null || s.Regions.Contains(filter.Region))
            .Where(s => filter.Active == null || s.IsActive == filter.Active)
            .Where(s => filter.Trained == null || s.Trainings.Any(t => t.Passed) == filter.Trained)
            .Where(s => filter.Role == null || db.UserRoles.Any(ur => ur.UserId == s.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == filter.Role)))
            .OrderBy(s => s.FullName).ThenBy(s => s.Id);

        var result = await query.Select(s => new StaffSummary(s.Id, s.FullName, s.Email,
                db.UserRoles.Where(ur => ur.UserId == s.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                s.OrgUnitId, s.Regions, s.IsActive, s.Trainings.Any(t => t.Passed),
                s.Selection.RoleFitsWork && s.Selection.TerritoryMatches && s.Selection.AvailableForResponsibilities,
                db.Users.Any(u => u.Id == s.Id && !u.EmailConfirmed)))
            .ToPageAsync(page, ct);
        return TypedResults.Ok(result);
    }

    static async Task<Results<Ok<StaffDetails>, NotFound>> GetStaff(Guid id, TenantsDb db, UserManager<AppUser> users, CancellationToken ct) =>
        await LoadAsync(id, db, ct) is { } staff
            ? TypedResults.Ok(await DetailsAsync(staff, users))
            : TypedResults.NotFound();

    static async Task<Results<Created<StaffDetails>, ValidationProblem, ProblemHttpResult>> CreateStaff(
        CreateStaffRequest request, TenantsDb db, UserManager<AppUser> users, ICurrentTenant tenant, AuditLog audit, TimeProvider clock, CancellationToken ct) =>
        (await EnrolAsync(request, request.InitialPassword, db, users, tenant, audit, clock, ct)).Result;

    static async Task<Results<Created<StaffDetails>, ValidationProblem, ProblemHttpResult>> InviteStaff(
        InviteStaffRequest request, TenantsDb db, UserManager<AppUser> users, ICurrentTenant tenant, AuditLog audit, TimeProvider clock,
        AccountEmails emails, CancellationToken ct)
    {
        var (result, user) = await EnrolAsync(request, password: null, db, users, tenant, audit, clock, ct);
        if (user is not null) await emails.SendInvitationAsync(user);
        return result;
    }

    static async Task<Results<Accepted, NotFound, ProblemHttpResult>> ResendInvitation(
        Guid id, TenantsDb db, UserManager<AppUser> users, AuditLog audit, AccountEmails emails, CancellationToken ct)
    {
        var staff = await LoadAsync(id, db, ct);
        if (staff is null) return TypedResults.NotFound();
        var user = (await users.FindByIdAsync(id.ToString()))!;
        if (staff.CheckInvitationPending(accepted: user.EmailConfirmed) is { } refused) return refused.ToProblem();

        // A new stamp retires the links sent before, so only the newest one works.
        await users.UpdateSecurityStampAsync(user);
        audit.Record("staff.invitation_resent", nameof(StaffMember), staff.Id);
        await db.SaveChangesAsync(ct);
        await emails.SendInvitationAsync(user);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>
    /// The account (with its password, or none for an invitation), its roles, the staff profile, the audit entry and
    /// StaffMemberJoined, in one transaction. The user is returned when it was created, for the invitation to be sent.
    /// </summary>
    private static async Task<(Results<Created<StaffDetails>, ValidationProblem, ProblemHttpResult> Result, AppUser? User)> EnrolAsync(
        INewStaffRequest request, string? password, TenantsDb db, UserManager<AppUser> users, ICurrentTenant tenant, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (InvalidRoles(request.Roles) is { } rolesProblem) return (rolesProblem, null);
        if (await MissingOrgUnitAsync(request.OrgUnitId, db, ct) is { } orgUnitProblem) return (orgUnitProblem, null);
        if (await RegionsOutsideTenantAsync(request.Regions, db, ct) is { } regionsProblem) return (regionsProblem, null);
        if (await users.FindByEmailAsync(request.Email) is { } taken)
        {
            // The answer names nothing beyond the admin's own institution: not whether the address is another
            // institution's or the national unit's, nor whose. The attempt is audited (docs/decisions/0017).
            if (taken.TenantId == tenant.Id)
                return (Refusal.Conflict("email", "Someone in your institution already uses this email. / Ya hay una persona de su institución con este correo.").ToProblem(), null);
            audit.Record("staff.email_refused", nameof(StaffMember), Guid.Empty, new { request.Email });
            await db.SaveChangesAsync(ct);
            return (Refusal.Conflict("email", "This email cannot be used for a new account; use the person's address at your institution. / Este correo no puede usarse para una cuenta nueva; use la dirección de la persona en su institución.").ToProblem(), null);
        }

        var now = clock.GetUtcNow();
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(), TenantId = tenant.Id, FullName = request.FullName.Trim(), UserName = request.Email, Email = request.Email,
            EmailConfirmed = password is not null, CreatedAt = now,
        };
        var staff = new StaffMember
        {
            Id = user.Id, FullName = user.FullName, Email = request.Email, OrgUnitId = request.OrgUnitId,
            Regions = [.. (request.Regions ?? []).Distinct()], Dni = Dni.Normalize(request.Dni), Phone = request.Phone,
        };

        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!created.Succeeded) return (IdentityProblem("initialPassword", created), null);
        await users.AddToRolesAsync(user, request.Roles.Distinct());
        db.StaffMembers.Add(staff);
        audit.Record(password is null ? "staff.invited" : "staff.created", nameof(StaffMember), staff.Id, new { staff.FullName, staff.Email, request.Roles });
        db.AddIntegrationEvent(new StaffMemberJoined(tenant.Id!.Value, staff.Id, staff.FullName, [.. request.Roles.Distinct()], staff.OrgUnitId, staff.Regions, now), staff.Id);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (TypedResults.Created($"/api/staff/{staff.Id}", await DetailsAsync(staff, users)), user);
    }

    static async Task<Results<Ok<StaffDetails>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateStaff(
        Guid id, UpdateStaffRequest request, TenantsDb db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var staff = await LoadAsync(id, db, ct);
        if (staff is null) return TypedResults.NotFound();
        if (await MissingOrgUnitAsync(request.OrgUnitId, db, ct) is { } orgUnitProblem) return orgUnitProblem;
        if (await RegionsOutsideTenantAsync(request.Regions, db, ct) is { } regionsProblem) return regionsProblem;

        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        staff.FullName = request.FullName.Trim();
        staff.OrgUnitId = request.OrgUnitId;
        staff.Regions = [.. (request.Regions ?? []).Distinct()];
        staff.Dni = Dni.Normalize(request.Dni);
        staff.Phone = request.Phone;
        var user = (await users.FindByIdAsync(id.ToString()))!;
        user.FullName = staff.FullName;
        await users.UpdateAsync(user);
        audit.Record("staff.updated", nameof(StaffMember), staff.Id, request);
        await PublishChangeAsync(staff, db, users, clock);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(await DetailsAsync(staff, users));
    }

    static async Task<Results<Ok<StaffDetails>, NotFound, ValidationProblem, ProblemHttpResult>> SetRoles(
        Guid id, RolesRequest request, TenantsDb db, UserManager<AppUser> users, ICurrentUser actor, AuditLog audit, AccessRevoker revoker,
        TimeProvider clock, CancellationToken ct)
    {
        if (InvalidRoles(request.Roles) is { } rolesProblem) return rolesProblem;
        var staff = await LoadAsync(id, db, ct);
        if (staff is null) return TypedResults.NotFound();
        if (id == actor.Id && !request.Roles.Contains(PlatformRoles.TenantAdmin))
            return Refusal.Unprocessable("roles", "You cannot remove your own TenantAdmin role. / No puede quitarse su propio rol de administrador.").ToProblem();

        var user = (await users.FindByIdAsync(id.ToString()))!;
        var current = await users.GetRolesAsync(user);
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        await users.RemoveFromRolesAsync(user, current.Except(request.Roles));
        await users.AddToRolesAsync(user, request.Roles.Distinct().Except(current));
        // The tokens with the old roles stop working everywhere; the next sign-in gets the new ones.
        await revoker.RevokeAsync(user, AccessRevoker.Reasons.RolesChanged, ct);
        await users.UpdateSecurityStampAsync(user);
        audit.Record("staff.roles_changed", nameof(StaffMember), staff.Id, new { from = current, to = request.Roles });
        await PublishChangeAsync(staff, db, users, clock);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(await DetailsAsync(staff, users));
    }

    static async Task<Results<Ok<StaffDetails>, NotFound>> SetSelectionCriteria(
        Guid id, SelectionCriteriaRequest request, TenantsDb db, UserManager<AppUser> users, ICurrentUser actor, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var staff = await LoadAsync(id, db, ct);
        if (staff is null) return TypedResults.NotFound();

        staff.Selection = new SelectionCriteria
        {
            RoleFitsWork = request.RoleFitsWork, TerritoryMatches = request.TerritoryMatches,
            AvailableForResponsibilities = request.AvailableForResponsibilities, Notes = request.Notes?.Trim(),
            AssessedAt = clock.GetUtcNow(), AssessedBy = actor.Id,
        };
        audit.Record("staff.selection_assessed", nameof(StaffMember), staff.Id, request);
        await PublishChangeAsync(staff, db, users, clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await DetailsAsync(staff, users));
    }

    static async Task<Results<Created<TrainingDto>, NotFound>> RecordTraining(
        Guid id, TrainingRequest request, TenantsDb db, ICurrentUser actor, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var staff = await LoadAsync(id, db, ct);
        if (staff is null) return TypedResults.NotFound();

        var training = new Training
        {
            StaffMemberId = staff.Id, Module = request.Module.Trim(), CompletedOn = request.CompletedOn!.Value,
            Hours = request.Hours, Passed = request.Passed, RecordedAt = clock.GetUtcNow(), RecordedBy = actor.Id,
        };
        // Through the navigation so IsTrained below counts it (the tenant key is only stamped at save, so fix-up
        // would not attach it yet), and through the set so it is inserted rather than taken for an existing row.
        staff.Trainings.Add(training);
        db.Trainings.Add(training);
        audit.Record("staff.training_recorded", nameof(StaffMember), staff.Id, request);
        db.AddIntegrationEvent(new SpecialistTrained(staff.TenantId, staff.Id, training.Module, training.CompletedOn, training.Hours, training.Passed, staff.IsTrained), staff.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/staff/{staff.Id}", new TrainingDto(training.Id, training.Module, training.CompletedOn, training.Hours, training.Passed));
    }

    static async Task<Results<Ok<StaffDetails>, NotFound, ProblemHttpResult>> Deactivate(
        Guid id, TenantsDb db, UserManager<AppUser> users, ICurrentUser actor, AuditLog audit, AccessRevoker revoker, TimeProvider clock, CancellationToken ct)
    {
        var staff = await LoadAsync(id, db, ct);
        if (staff is null) return TypedResults.NotFound();
        var now = clock.GetUtcNow();
        if (staff.Deactivate(actor.Id, now) is { } refused) return refused.ToProblem();

        var user = (await users.FindByIdAsync(id.ToString()))!;
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        user.IsActive = false;
        await revoker.RevokeAsync(user, AccessRevoker.Reasons.Deactivated, ct);
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        audit.Record("staff.deactivated", nameof(StaffMember), staff.Id);
        db.AddIntegrationEvent(new StaffMemberDeactivated(staff.TenantId, staff.Id, now), staff.Id);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(await DetailsAsync(staff, users));
    }

    static async Task<Results<Ok<StaffDetails>, NotFound, ProblemHttpResult>> Reactivate(
        Guid id, TenantsDb db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var staff = await LoadAsync(id, db, ct);
        if (staff is null) return TypedResults.NotFound();
        if (staff.Reactivate() is { } refused) return refused.ToProblem();

        var user = (await users.FindByIdAsync(id.ToString()))!;
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        user.IsActive = true;
        await users.UpdateAsync(user);
        audit.Record("staff.reactivated", nameof(StaffMember), staff.Id);
        await PublishChangeAsync(staff, db, users, clock);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(await DetailsAsync(staff, users));
    }

    private static Task<StaffMember?> LoadAsync(Guid id, TenantsDb db, CancellationToken ct) =>
        db.StaffMembers.Include(s => s.Trainings).SingleOrDefaultAsync(s => s.Id == id, ct);

    private static async Task<StaffDetails> DetailsAsync(StaffMember s, UserManager<AppUser> users)
    {
        var user = (await users.FindByIdAsync(s.Id.ToString()))!;
        var roles = await users.GetRolesAsync(user);
        var selection = new SelectionCriteriaDto(s.Selection.RoleFitsWork, s.Selection.TerritoryMatches, s.Selection.AvailableForResponsibilities,
            s.Selection.IsMet, s.Selection.Notes, s.Selection.AssessedAt);
        return new StaffDetails(s.Id, s.FullName, s.Email, s.Dni, s.Phone, [.. roles], s.OrgUnitId, s.Regions, s.IsActive, !user.EmailConfirmed, s.DeactivatedAt, selection,
            [.. s.Trainings.OrderBy(t => t.CompletedOn).Select(t => new TrainingDto(t.Id, t.Module, t.CompletedOn, t.Hours, t.Passed))],
            s.CreatedAt, s.UpdatedAt);
    }

    private static async Task<IReadOnlyList<string>> RolesOfAsync(Guid id, UserManager<AppUser> users) =>
        [.. await users.GetRolesAsync((await users.FindByIdAsync(id.ToString()))!)];

    private static async Task PublishChangeAsync(StaffMember staff, TenantsDb db, UserManager<AppUser> users, TimeProvider clock) =>
        db.AddIntegrationEvent(new StaffMemberChanged(staff.TenantId, staff.Id, staff.FullName, await RolesOfAsync(staff.Id, users),
            staff.OrgUnitId, staff.Regions, staff.IsActive, staff.Selection.IsMet, clock.GetUtcNow()), staff.Id);

    private static ValidationProblem? InvalidRoles(IEnumerable<string> roles) =>
        roles.Except(PlatformRoles.TenantRoles).ToList() is { Count: > 0 } unknown
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["roles"] = [$"Unknown or forbidden roles: {string.Join(", ", unknown)}. Allowed: {string.Join(", ", PlatformRoles.TenantRoles)}. / Roles no permitidos."],
            })
            : null;

    private static async Task<ProblemHttpResult?> MissingOrgUnitAsync(Guid? orgUnitId, TenantsDb db, CancellationToken ct) =>
        orgUnitId is { } id && !await db.OrgUnits.AnyAsync(o => o.Id == id, ct)
            ? Refusal.Unprocessable("orgUnitId", "The org unit does not exist. / La unidad orgánica no existe.").ToProblem()
            : null;

    private static async Task<ProblemHttpResult?> RegionsOutsideTenantAsync(IReadOnlyList<string>? regions, TenantsDb db, CancellationToken ct)
    {
        if (regions is not { Count: > 0 }) return null;
        var tenantRegions = await db.Tenants.Where(t => t.Id == db.CurrentTenantId).Select(t => t.Regions).SingleAsync(ct);
        var outside = regions.Where(r => !tenantRegions.Contains(r, StringComparer.OrdinalIgnoreCase)).Distinct().ToList();
        return outside.Count > 0
            ? Refusal.Unprocessable("regions", $"Outside the institution's regions: {string.Join(", ", outside)}. / Fuera de las regiones de la institución: {string.Join(", ", outside)}.").ToProblem()
            : null;
    }

    private static ValidationProblem IdentityProblem(string field, IdentityResult result) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [.. result.Errors.Select(e => e.Description)] });
}
