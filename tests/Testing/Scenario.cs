using System.Net.Http.Json;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.Tenants.Accounts;
using RedesPlataforma.Tenants.Institutions;
using RedesPlataforma.Tenants.Onboarding;
using RedesPlataforma.Tenants.OrgUnits;
using RedesPlataforma.Tenants.Staff;

namespace RedesPlataforma.Testing;

/// <summary>An onboarded institution with a signed-in admin.</summary>
public sealed record OnboardedTenant(Guid TenantId, string Slug, string AdminEmail, Guid AdminId, HttpClient Admin);

public sealed record CreatedStaff(Guid Id, string Email, string Password);

/// <summary>The steps most tests start from, done through the public API.</summary>
public static class Scenario
{
    public const string Password = "Clave-Segura-2026!";

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    /// <summary>An application with a RUC of its own: a RUC already on the platform or applied with is refused.</summary>
    public static ApplicationRequest Application(string slug) => new(
        $"Institución {slug}", InstitutionKind.Public, NewRuc(), ["PE-CUS", "PE-PUN"], slug,
        "Rosa Quispe Mamani", $"admin@{slug}.test", Password);

    /// <summary>A random valid RUC of a legal person (prefix 20).</summary>
    public static string NewRuc()
    {
        var firstTen = "20" + Random.Shared.Next(0, 100_000_000).ToString("D8");
        return firstTen + BuildingBlocks.Peru.Ruc.CheckDigit(firstTen);
    }

    public static async Task<OnboardedTenant> OnboardAsync(this TenantsApp app, string? slug = null)
    {
        slug ??= Unique("inst");
        var national = await app.NationalClientAsync();
        var application = await (await app.CreateClient().PostAsJsonAsync("/api/onboarding/applications", Application(slug))).ReadAsync<ApplicationDto>();
        var tenant = await (await national.PostAsync($"/api/onboarding/applications/{application.Id}/approve", null)).ReadAsync<TenantDto>();

        var admin = app.CreateClient();
        admin.Authorize((await admin.SignInAsync(application.AdminEmail, Password)).AccessToken);
        var me = await (await admin.GetAsync("/api/account/me")).ReadAsync<MeDto>();
        return new OnboardedTenant(tenant.Id, slug, application.AdminEmail, me.Id, admin);
    }

    public static async Task<CreatedStaff> CreateStaffAsync(this OnboardedTenant tenant, params string[] roles)
    {
        var email = $"{Unique("staff")}@{tenant.Slug}.test";
        var request = new CreateStaffRequest("Juan Pérez Huamán", email, Password, roles.Length > 0 ? roles : ["Specialist"], null, ["PE-CUS"], null, null);
        var staff = await (await tenant.Admin.PostAsJsonAsync("/api/staff", request)).ReadAsync<StaffDetails>();
        return new CreatedStaff(staff.Id, email, Password);
    }

    public static async Task<HttpClient> SignedInAsync(this TenantsApp app, CreatedStaff staff)
    {
        var client = app.CreateClient();
        return client.Authorize((await client.SignInAsync(staff.Email, staff.Password)).AccessToken);
    }

    public static async Task<OrgUnitDto> CreateOrgUnitAsync(this OnboardedTenant tenant, string name) =>
        await (await tenant.Admin.PostAsJsonAsync("/api/org-units", new OrgUnitRequest(name, OrgUnitKind.DireccionZonal, "PE-CUS", null))).ReadAsync<OrgUnitDto>();

    public static Task<Page<T>> PageAsync<T>(this HttpClient client, string url) => client.GetAsync(url).ContinueWith(t => t.Result.ReadAsync<Page<T>>()).Unwrap();
}
