using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RedesPlataforma.Tenants.Accounts;
using RedesPlataforma.Tenants.Institutions;
using RedesPlataforma.Tenants.Onboarding;
using RedesPlataforma.Tenants.OrgUnits;
using RedesPlataforma.Tenants.Staff;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Tenants.FunctionalTests;

[Collection(TenantsHost.Name)]
public sealed class AuthTests(TenantsApp app)
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var tenant = await app.OnboardAsync();
        var staff = await tenant.CreateStaffAsync("Viewer");
        var client = app.CreateClient();

        for (var attempt = 0; attempt < 5; attempt++)
            Assert.Equal(HttpStatusCode.BadRequest, (await client.RequestTokenAsync(staff.Email, "Incorrecta-123!")).StatusCode);

        var locked = await client.RequestTokenAsync(staff.Email, staff.Password);
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Contains("incorrect", await locked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Four_wrong_passwords_do_not_lock_the_account()
    {
        var tenant = await app.OnboardAsync();
        var staff = await tenant.CreateStaffAsync("Viewer");
        var client = app.CreateClient();
        for (var attempt = 0; attempt < 4; attempt++) await client.RequestTokenAsync(staff.Email, "Incorrecta-123!");

        Assert.Equal(HttpStatusCode.OK, (await client.RequestTokenAsync(staff.Email, staff.Password)).StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_the_platform_key_and_valid_claims_is_accepted()
    {
        var tenant = await app.OnboardAsync();
        var response = await CallMeWith(ForgeToken(tenant, SigningKey()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Expired_tampered_foreign_issuer_foreign_key_and_unsigned_tokens_are_refused()
    {
        var tenant = await app.OnboardAsync();
        var key = SigningKey();

        Assert.Equal(HttpStatusCode.Unauthorized, (await CallMeWith(ForgeToken(tenant, key, expires: DateTime.UtcNow.AddMinutes(-5)))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallMeWith(ForgeToken(tenant, key, issuer: "http://evil.test/"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallMeWith(ForgeToken(tenant, new RsaSecurityKey(RSA.Create(2048))))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallMeWith(Tamper((await app.CreateClient().SignInAsync(tenant.AdminEmail, Scenario.Password)).AccessToken))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallMeWith(Unsigned(ForgeToken(tenant, key)))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/account/me")).StatusCode);
    }

    [Theory]
    [InlineData("Viewer")]
    [InlineData("Specialist")]
    [InlineData("Supervisor")]
    public async Task Roles_below_tenant_admin_get_403_on_staff_management(string role)
    {
        var tenant = await app.OnboardAsync();
        var client = await app.SignedInAsync(await tenant.CreateStaffAsync(role));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/org-units", new OrgUnitRequest("X", OrgUnitKind.Sede, "PE-CUS", null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/org-units")).StatusCode);
    }

    [Fact]
    public async Task Tenant_admins_get_403_on_national_endpoints_and_the_national_unit_on_tenant_endpoints()
    {
        var tenant = await app.OnboardAsync();
        var national = await app.NationalClientAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await tenant.Admin.GetAsync("/api/tenants")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tenant.Admin.GetAsync("/api/onboarding/applications")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tenant.Admin.PostAsJsonAsync($"/api/tenants/{tenant.TenantId}/suspend", new SuspendRequest("yo mismo"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await national.GetAsync("/api/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await national.GetAsync("/api/audit")).StatusCode);
    }

    [Fact]
    public async Task Tenant_id_roles_and_status_sent_in_a_body_are_ignored()
    {
        var a = await app.OnboardAsync();
        var b = await app.OnboardAsync();
        var email = $"{Scenario.Unique("mass")}@{a.Slug}.test";

        var created = await (await a.Admin.PostAsJsonAsync("/api/staff", new
        {
            fullName = "Luz Ccori", email, initialPassword = Scenario.Password, roles = new[] { "Viewer" },
            tenantId = b.TenantId, tenant = b.TenantId, isActive = false, id = Guid.NewGuid(),
        })).ReadAsync<StaffDetails>();
        Assert.True(created.IsActive);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Admin.GetAsync($"/api/staff/{created.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.Admin.GetAsync($"/api/staff/{created.Id}")).StatusCode);

        var slug = Scenario.Unique("mass");
        var application = await (await app.CreateClient().PostAsJsonAsync("/api/onboarding/applications", new
        {
            institutionName = "Cooperativa Masiva", kind = "Cooperative", ruc = Scenario.NewRuc(), regions = new[] { "PE-JUN" }, slug,
            adminFullName = "Pedro Rojas", adminEmail = $"admin@{slug}.test", adminPassword = Scenario.Password,
            status = "Approved", tenantId = a.TenantId, roles = new[] { "NationalUnit" },
        })).ReadAsync<ApplicationDto>();
        Assert.Equal(ApplicationStatus.Pending, application.Status);
        Assert.Null(application.TenantId);
    }

    [Fact]
    public async Task A_tenant_admin_cannot_grant_the_national_unit_role()
    {
        var tenant = await app.OnboardAsync();
        var staff = await tenant.CreateStaffAsync("Viewer");
        var response = await tenant.Admin.PutAsJsonAsync($"/api/staff/{staff.Id}/roles", new RolesRequest(["NationalUnit"]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("roles", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Refresh_tokens_rotate_and_a_used_one_is_refused()
    {
        var tenant = await app.OnboardAsync();
        var client = app.CreateClient();
        var first = await client.SignInAsync(tenant.AdminEmail, Scenario.Password);

        var second = await (await client.RefreshAsync(first.RefreshToken!)).ReadAsync<TokenResponse>();
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.RefreshAsync(first.RefreshToken!)).StatusCode);
    }

    [Fact]
    public async Task A_revoked_refresh_token_cannot_be_used()
    {
        var tenant = await app.OnboardAsync();
        var client = app.CreateClient();
        var tokens = await client.SignInAsync(tenant.AdminEmail, Scenario.Password);

        var revoke = await client.PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = tokens.RefreshToken!, ["token_type_hint"] = "refresh_token",
        }));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.RefreshAsync(tokens.RefreshToken!)).StatusCode);
    }

    [Fact]
    public async Task Logout_and_password_change_invalidate_refresh_tokens()
    {
        var tenant = await app.OnboardAsync();
        var staff = await tenant.CreateStaffAsync("Specialist");
        var client = app.CreateClient();
        var tokens = await client.SignInAsync(staff.Email, staff.Password);
        client.Authorize(tokens.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/account/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.RefreshAsync(tokens.RefreshToken!)).StatusCode);

        // Logout also ends every access token issued so far, once its revocation has travelled through the outbox: the
        // password change signs in again rather than race it with the token logout just ended.
        client.Authorize((await client.SignInAsync(staff.Email, staff.Password)).AccessToken);
        var newPassword = "Otra-Clave-2027?";
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/account/password", new ChangePasswordRequest(staff.Password, newPassword))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.RequestTokenAsync(staff.Email, staff.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.RequestTokenAsync(staff.Email, newPassword)).StatusCode);
    }

    private async Task<HttpResponseMessage> CallMeWith(string token) => await app.CreateClient().Authorize(token).GetAsync("/api/account/me");

    private RsaSecurityKey SigningKey()
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(Path.Combine(app.KeysFolder, "signing.pem")));
        return new RsaSecurityKey(rsa);
    }

    private static string ForgeToken(OnboardedTenant tenant, SecurityKey key, DateTime? expires = null, string issuer = "http://tenants.test/")
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = "redes-api",
            IssuedAt = expiry.AddMinutes(-15),
            NotBefore = expiry.AddMinutes(-15),
            Expires = expiry,
            TokenType = "at+jwt",
            Subject = new ClaimsIdentity([
                new Claim("sub", tenant.AdminId.ToString()), new Claim("name", "Forjado"), new Claim("role", "TenantAdmin"),
                new Claim("tenant", tenant.TenantId.ToString()), new Claim("tenant_slug", tenant.Slug), new Claim("jti", Guid.NewGuid().ToString()),
            ]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    // Re-encodes the payload with another role, keeping the original signature.
    private static string Tamper(string jwt)
    {
        var parts = jwt.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"TenantAdmin\"", "\"NationalUnit\"");
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }

    private static string Unsigned(string jwt)
    {
        var parts = jwt.Split('.');
        return $"{Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"at+jwt\"}")}.{parts[1]}.";
    }
}
