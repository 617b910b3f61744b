namespace RedesPlataforma.Seed;

public sealed record DemoAccount(string Institution, string Role, string Email, string Password);

/// <summary>What later seeds (networks, financing) build on: each tenant, its admin and its staff.</summary>
public sealed record SeededTenant(DemoInstitution Institution, Guid TenantId, ApiClient Admin, IReadOnlyDictionary<string, Guid> StaffByEmail);

/// <summary>
/// Institutions through the onboarding flow (apply, national-unit approval), then their org units and staff.
/// Idempotent: what exists (by slug, org-unit name, staff email) is kept, only what is missing is created.
/// </summary>
public sealed class TenantsSeed(ApiClient anonymous, Secrets secrets, string nationalEmail, Action<string> log)
{
    private const string MethodologyModule = "Metodología de articulación de redes empresariales";
    private static readonly DateOnly TrainingCompletedOn = new(2025, 3, 14);

    private readonly List<DemoAccount> _accounts = [];
    public IReadOnlyList<DemoAccount> Accounts => _accounts;

    /// <summary>The national unit, signed in by <see cref="RunAsync"/>, for later seeds (the national programme and its reviews).</summary>
    public ApiClient? National { get; private set; }

    public async Task<IReadOnlyList<SeededTenant>> RunAsync(IReadOnlyList<DemoInstitution> institutions, CancellationToken ct)
    {
        var nationalPassword = secrets.Require("national-unit", "REDES_NATIONAL_PASSWORD");
        var national = await anonymous.SignInAsync(nationalEmail, nationalPassword,
            "Hint: the national-unit account is created once, with the password the Tenants service had at that start; " +
            "set REDES_NATIONAL_PASSWORD to that one, or reset the database (bash deploy/local/down.sh --keep-infra && bash deploy/local/db.sh drop redes_tenants).", ct);
        National = national;
        log($"signed in as the national unit ({nationalEmail})");
        _accounts.Add(new("(platform)", "NationalUnit", nationalEmail, nationalPassword));

        var staffPassword = secrets.Get("demo-staff", "REDES_DEMO_STAFF_PASSWORD");
        var seeded = new List<SeededTenant>();
        foreach (var institution in institutions)
            seeded.Add(await SeedInstitutionAsync(institution, national, staffPassword, ct));
        return seeded;
    }

    private async Task<SeededTenant> SeedInstitutionAsync(DemoInstitution institution, ApiClient national, string staffPassword, CancellationToken ct)
    {
        var slug = institution.Slug;
        var adminPassword = secrets.Get($"{slug}-admin", $"REDES_{slug.ToUpperInvariant().Replace('-', '_')}_ADMIN_PASSWORD");

        var tenant = await EnsureTenantAsync(institution, national, adminPassword, ct);
        var admin = await anonymous.SignInAsync(institution.AdminEmail, adminPassword,
            $"Hint: {institution.AdminEmail} was created with another password; set REDES_{slug.ToUpperInvariant()}_ADMIN_PASSWORD to it, or reset the database.", ct);
        _accounts.Add(new(slug, "TenantAdmin", institution.AdminEmail, adminPassword));

        var orgUnits = await EnsureOrgUnitsAsync(institution, admin, ct);
        var staff = await EnsureStaffAsync(institution, admin, orgUnits, staffPassword, ct);
        return new SeededTenant(institution, tenant.Id, admin, staff);
    }

    private async Task<TenantDto> EnsureTenantAsync(DemoInstitution institution, ApiClient national, string adminPassword, CancellationToken ct)
    {
        var slug = institution.Slug;
        var existing = (await national.GetAsync<Page<TenantDto>>($"api/tenants?search={Uri.EscapeDataString(slug)}&pageSize=200", ct))
            .Items.SingleOrDefault(t => t.Slug == slug);
        if (existing is { Status: "Suspended" })
        {
            existing = await national.PostAsync<TenantDto>($"api/tenants/{existing.Id}/reactivate", null, ct);
            log($"{slug}: tenant was suspended; reactivated");
        }
        if (existing is not null)
        {
            log($"{slug}: tenant exists ({existing.Id}); application skipped");
            return existing;
        }

        var pending = (await national.GetAsync<Page<ApplicationDto>>("api/onboarding/applications?status=Pending&pageSize=200", ct))
            .Items.FirstOrDefault(a => a.Slug == slug);
        if (pending is null)
        {
            pending = await anonymous.PostAsync<ApplicationDto>("api/onboarding/applications", new ApplicationRequest(
                institution.Name, institution.Kind, institution.Ruc, institution.Regions, slug,
                institution.AdminFullName, institution.AdminEmail, adminPassword), ct);
            log($"{slug}: applied to join (application {pending.Id})");
        }
        else
        {
            log($"{slug}: found pending application {pending.Id}");
        }

        var tenant = await national.PostAsync<TenantDto>($"api/onboarding/applications/{pending.Id}/approve", null, ct);
        log($"{slug}: approved by the national unit; tenant {tenant.Id} is {tenant.Status}");
        return tenant;
    }

    private async Task<Dictionary<string, Guid>> EnsureOrgUnitsAsync(DemoInstitution institution, ApiClient admin, CancellationToken ct)
    {
        var byName = (await admin.GetAsync<Page<OrgUnitDto>>("api/org-units?pageSize=200", ct)).Items
            .ToDictionary(o => o.Name, o => o.Id, StringComparer.Ordinal);
        var created = 0;
        // The list names parents before their children, so a parent's id is known when the child is created.
        foreach (var unit in institution.OrgUnits)
        {
            if (byName.ContainsKey(unit.Name)) continue;
            Guid? parentId = unit.Parent is null ? null : byName[unit.Parent];
            var dto = await admin.PostAsync<OrgUnitDto>("api/org-units", new OrgUnitRequest(unit.Name, unit.Kind, unit.RegionCode, parentId), ct);
            byName[dto.Name] = dto.Id;
            created++;
        }
        log($"{institution.Slug}: org units: {created} created, {institution.OrgUnits.Count - created} already there");
        return byName;
    }

    private async Task<Dictionary<string, Guid>> EnsureStaffAsync(
        DemoInstitution institution, ApiClient admin, IReadOnlyDictionary<string, Guid> orgUnits, string staffPassword, CancellationToken ct)
    {
        var existing = (await admin.GetAsync<Page<StaffSummary>>("api/staff?pageSize=200", ct)).Items
            .ToDictionary(s => s.Email, StringComparer.OrdinalIgnoreCase);
        var byEmail = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        int created = 0, assessed = 0, trained = 0;

        foreach (var person in institution.Staff)
        {
            Guid id;
            bool meetsCriteria = false, isTrained = false;
            if (existing.TryGetValue(person.Email, out var summary))
            {
                (id, meetsCriteria, isTrained) = (summary.Id, summary.MeetsSelectionCriteria, summary.IsTrained);
            }
            else
            {
                var details = await admin.PostAsync<StaffDetails>("api/staff", new CreateStaffRequest(
                    person.FullName, person.Email, staffPassword, [person.Role], orgUnits[person.OrgUnit], person.Regions, person.Dni, person.Phone), ct);
                id = details.Id;
                created++;
            }
            byEmail[person.Email] = id;
            _accounts.Add(new(institution.Slug, person.Role, person.Email, staffPassword));

            if (person.Role != DemoInstitutions.Specialist) continue;
            if (!meetsCriteria)
            {
                await admin.PutAsync<StaffDetails>($"api/staff/{id}/selection-criteria", new SelectionCriteriaRequest(
                    RoleFitsWork: true, TerritoryMatches: true, AvailableForResponsibilities: true,
                    Notes: $"Evaluado por la {person.OrgUnit}: conoce la zona y habla quechua/aimara."), ct);
                assessed++;
            }
            if (!isTrained)
            {
                await admin.PostAsync<TrainingDto>($"api/staff/{id}/trainings", new TrainingRequest(MethodologyModule, TrainingCompletedOn, 40, true), ct);
                trained++;
            }
        }
        log($"{institution.Slug}: staff: {created} created, {institution.Staff.Count - created} already there; " +
            $"{assessed} selection assessments and {trained} trainings recorded");
        return byEmail;
    }
}
