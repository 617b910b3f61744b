using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RedesPlataforma.Tenants.Accounts;
using RedesPlataforma.Tenants.Audit;
using RedesPlataforma.Tenants.Institutions;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Tenants.FunctionalTests;

/// <summary>An admin with an authenticator: its key, its recovery codes, and a client signed in with both factors.</summary>
public sealed record Enrolled(string SharedKey, IReadOnlyList<string> RecoveryCodes, HttpClient Client);

[Collection(TenantsHost.Name)]
public sealed class TwoFactorTests(TenantsApp app)
{
    [Fact]
    public async Task An_admin_enrols_with_a_code_and_gets_recovery_codes_once_and_it_is_audited()
    {
        var tenant = await app.OnboardAsync();
        Assert.Equal(new TwoFactorStatus(false, false, true, 0), await tenant.Admin.GetFromJsonAsync<TwoFactorStatus>("/api/account/two-factor", Json.Options));

        var setup = await (await tenant.Admin.PostAsync("/api/account/two-factor/authenticator", null)).ReadAsync<AuthenticatorSetup>();
        Assert.StartsWith("data:image/svg+xml;base64,", setup.QrCode);
        Assert.Contains("<svg", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(setup.QrCode.Split(',')[1])));
        Assert.Contains($"secret={setup.SharedKey.Replace(" ", "").ToUpperInvariant()}", setup.AuthenticatorUri);

        var wrong = await tenant.Admin.PostAsJsonAsync("/api/account/two-factor/enable", new TwoFactorCodeRequest(Totp.WrongCode(setup.SharedKey)));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);

        var codes = await (await tenant.Admin.PostAsJsonAsync("/api/account/two-factor/enable", new TwoFactorCodeRequest(Totp.Code(setup.SharedKey)))).ReadAsync<RecoveryCodes>();
        Assert.Equal(TwoFactor.RecoveryCodeCount, codes.Codes.Distinct().Count());

        var admin = await SignedInWithCodeAsync(tenant.AdminEmail, setup.SharedKey);
        Assert.Equal(new TwoFactorStatus(true, false, true, 10), await admin.GetFromJsonAsync<TwoFactorStatus>("/api/account/two-factor", Json.Options));
        var again = await admin.PostAsJsonAsync("/api/account/two-factor/enable", new TwoFactorCodeRequest(Totp.Code(setup.SharedKey)));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var audit = await admin.PageAsync<AuditEntryDto>("/api/audit?action=account.");
        Assert.Equal(tenant.AdminId, Assert.Single(audit.Items, e => e.Action == "account.two_factor_enabled").ActorId);
    }

    [Fact]
    public async Task A_specialist_of_an_institution_that_does_not_require_it_is_not_offered_enrolment()
    {
        var tenant = await app.OnboardAsync();
        var specialist = await app.SignedInAsync(await tenant.CreateStaffAsync("Specialist"));

        Assert.False((await specialist.GetFromJsonAsync<TwoFactorStatus>("/api/account/two-factor", Json.Options))!.MayEnrol);
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.PostAsync("/api/account/two-factor/authenticator", null)).StatusCode);
    }

    [Fact]
    public async Task The_portal_sign_in_asks_for_the_code_on_a_second_step_after_the_password()
    {
        var tenant = await app.OnboardAsync();
        var enrolled = await EnrolAsync(tenant);

        var form = await PortalSignInForm.OpenAsync(app);
        var afterPassword = await form.SignInAsync(tenant.AdminEmail, Scenario.Password);
        Assert.Equal(HttpStatusCode.OK, afterPassword.StatusCode);
        Assert.Contains("<h1>Verificación en dos pasos</h1>", form.Html);
        Assert.Contains("autocomplete=\"one-time-code\"", form.Html);

        Assert.True(PortalSignInForm.IsCodeIssued(await form.SubmitAsync(("code", Totp.Code(enrolled.SharedKey)))));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var tenant = await app.OnboardAsync();
        var enrolled = await EnrolAsync(tenant);
        var recoveryCode = enrolled.RecoveryCodes[3];

        var first = await PortalSignInForm.OpenAsync(app);
        await first.SignInAsync(tenant.AdminEmail, Scenario.Password);
        Assert.True(PortalSignInForm.IsCodeIssued(await first.SubmitAsync(("code", recoveryCode.ToLowerInvariant()))));

        var second = await PortalSignInForm.OpenAsync(app);
        await second.SignInAsync(tenant.AdminEmail, Scenario.Password);
        Assert.Equal(HttpStatusCode.OK, (await second.SubmitAsync(("code", recoveryCode))).StatusCode);
        Assert.Contains("El código es incorrecto o ya se usó.", second.Html);
        Assert.Equal(9, (await enrolled.Client.GetFromJsonAsync<TwoFactorStatus>("/api/account/two-factor", Json.Options))!.RecoveryCodesLeft);
    }

    [Fact]
    public async Task Wrong_codes_count_towards_the_lockout_and_then_even_the_right_code_is_refused()
    {
        var tenant = await app.OnboardAsync();
        var enrolled = await EnrolAsync(tenant);

        var form = await PortalSignInForm.OpenAsync(app);
        await form.SignInAsync(tenant.AdminEmail, Scenario.Password);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await form.SubmitAsync(("code", Totp.WrongCode(enrolled.SharedKey)));
            Assert.Contains("El código es incorrecto o ya se usó.", form.Html);
        }
        await form.SubmitAsync(("code", Totp.WrongCode(enrolled.SharedKey)));
        Assert.Contains("La cuenta está bloqueada por intentos fallidos", form.Html);
        // Whoever typed those codes knew the password: the owner is told.
        Assert.Contains("bloqueada", (await app.WaitForMailAsync(tenant.AdminEmail)).Subject);

        // A new sign-in is refused at the password already, with the answer every failure gets (ADR 0017: whoever is
        // guessing learns nothing).
        var again = await PortalSignInForm.OpenAsync(app);
        await again.SignInAsync(tenant.AdminEmail, Scenario.Password);
        Assert.Contains("El correo o la contraseña son incorrectos.", again.Html);
        Assert.DoesNotContain("autocomplete=\"one-time-code\"", again.Html); // no second step offered
        var grant = await app.CreateClient().RequestTokenAsync(tenant.AdminEmail, Scenario.Password, Totp.Code(enrolled.SharedKey));
        Assert.Equal(HttpStatusCode.BadRequest, grant.StatusCode);
    }

    [Fact]
    public async Task Wrong_passwords_to_change_the_second_factor_lock_the_account_with_a_429_problem_that_says_how_long_to_wait()
    {
        var tenant = await app.OnboardAsync();
        var enrolled = await EnrolAsync(tenant);

        var answers = new List<HttpResponseMessage>();
        for (var attempt = 1; attempt <= 5; attempt++)
            answers.Add(await enrolled.Client.PostAsJsonAsync("/api/account/two-factor/disable", new TwoFactorConfirmation("not-the-password-1A", null)));

        Assert.All(answers[..4], a => Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode));
        var locked = answers[4];
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal("application/problem+json", locked.Content.Headers.ContentType?.MediaType);
        Assert.InRange(locked.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
        var problem = await locked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(BuildingBlocks.Http.TooManyRequests.ProblemType, problem.GetProperty("type").GetString());
        Assert.Equal(BuildingBlocks.Http.ProblemTitles.TooManyRequests, problem.GetProperty("title").GetString());
        Assert.Contains($"intente de nuevo en {(int)locked.Headers.RetryAfter!.Delta!.Value.TotalSeconds} s", problem.GetProperty("detail").GetString());
        // Locked, even the right password changes nothing.
        var right = await enrolled.Client.PostAsJsonAsync("/api/account/two-factor/disable", new TwoFactorConfirmation(Scenario.Password, null));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.True((await enrolled.Client.GetFromJsonAsync<TwoFactorStatus>("/api/account/two-factor", Json.Options))!.Enabled);
    }

    [Fact]
    public async Task The_password_grant_of_a_two_factor_user_needs_the_code_as_otp()
    {
        var tenant = await app.OnboardAsync();
        var enrolled = await EnrolAsync(tenant);
        var client = app.CreateClient();

        var withoutCode = await client.RequestTokenAsync(tenant.AdminEmail, Scenario.Password);
        Assert.Equal(HttpStatusCode.BadRequest, withoutCode.StatusCode);
        Assert.Contains("otp", await withoutCode.Content.ReadAsStringAsync());
        var wrongCode = await client.RequestTokenAsync(tenant.AdminEmail, Scenario.Password, Totp.WrongCode(enrolled.SharedKey));
        Assert.Equal(HttpStatusCode.BadRequest, wrongCode.StatusCode);
        Assert.Contains("incorrect", await wrongCode.Content.ReadAsStringAsync());
        var recoveryCode = await client.RequestTokenAsync(tenant.AdminEmail, Scenario.Password, enrolled.RecoveryCodes[0]);
        Assert.Equal(HttpStatusCode.BadRequest, recoveryCode.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.RequestTokenAsync(tenant.AdminEmail, Scenario.Password, Totp.Code(enrolled.SharedKey))).StatusCode);
    }

    [Fact]
    public async Task An_institution_that_requires_it_leads_its_staff_through_enrolment_at_their_next_sign_in()
    {
        var tenant = await app.OnboardAsync();
        var staff = await tenant.CreateStaffAsync("Specialist");

        var setting = await (await tenant.Admin.PutAsJsonAsync("/api/tenants/current/two-factor", new TwoFactorRequirementRequest(true))).ReadAsync<TenantDto>();
        Assert.True(setting.RequiresTwoFactor);
        var audit = await tenant.Admin.PageAsync<AuditEntryDto>("/api/audit?action=tenant.two_factor");
        Assert.True(System.Text.Json.JsonDocument.Parse(Assert.Single(audit.Items).Details!).RootElement.GetProperty("required").GetBoolean());
        var grant = await app.CreateClient().RequestTokenAsync(staff.Email, staff.Password);
        Assert.Equal(HttpStatusCode.BadRequest, grant.StatusCode);
        Assert.Contains("enrol", await grant.Content.ReadAsStringAsync());

        var form = await PortalSignInForm.OpenAsync(app);
        await form.SignInAsync(staff.Email, staff.Password);
        Assert.Contains("<h1>Active la verificación en dos pasos</h1>", form.Html);
        Assert.Contains("<img class=\"qr\" src=\"data:image/svg+xml;base64,", WebUtility.HtmlDecode(form.Html));
        var key = form.SharedKey;
        await form.SubmitAsync(("code", Totp.WrongCode(key)));
        Assert.Contains("El código es incorrecto o ya se usó.", form.Html);
        Assert.Equal(key, form.SharedKey);

        await form.SubmitAsync(("code", Totp.Code(key)));
        Assert.Contains("<h1>Guarde sus códigos de recuperación</h1>", form.Html);
        Assert.Equal(TwoFactor.RecoveryCodeCount, form.RecoveryCodes.Count);
        var recoveryPage = form.Html;
        Assert.True(PortalSignInForm.IsCodeIssued(await form.SubmitAsync()));

        form.GoBackTo(recoveryPage);
        Assert.Equal(HttpStatusCode.OK, (await form.SubmitAsync()).StatusCode);
        Assert.Contains("El formulario expiró", form.Html);

        var signedIn = await SignedInWithCodeAsync(staff.Email, key);
        Assert.Equal(new TwoFactorStatus(true, true, true, 10), await signedIn.GetFromJsonAsync<TwoFactorStatus>("/api/account/two-factor", Json.Options));
        var disable = await signedIn.PostAsJsonAsync("/api/account/two-factor/disable", new TwoFactorConfirmation(staff.Password, null));
        Assert.Equal(HttpStatusCode.Conflict, disable.StatusCode);
    }

    [Fact]
    public async Task Regenerating_recovery_codes_and_turning_two_factor_off_need_the_password_or_a_code_and_are_audited()
    {
        var tenant = await app.OnboardAsync();
        var enrolled = await EnrolAsync(tenant);

        var wrongPassword = await enrolled.Client.PostAsJsonAsync("/api/account/two-factor/recovery-codes", new TwoFactorConfirmation("Otra-Clave-2026!", null));
        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.StatusCode);
        var fresh = await (await enrolled.Client.PostAsJsonAsync("/api/account/two-factor/recovery-codes", new TwoFactorConfirmation(null, Totp.Code(enrolled.SharedKey)))).ReadAsync<RecoveryCodes>();
        Assert.Empty(fresh.Codes.Intersect(enrolled.RecoveryCodes));
        var oldCode = await PortalSignInForm.OpenAsync(app);
        await oldCode.SignInAsync(tenant.AdminEmail, Scenario.Password);
        Assert.False(PortalSignInForm.IsCodeIssued(await oldCode.SubmitAsync(("code", enrolled.RecoveryCodes[0]))));

        var off = await enrolled.Client.PostAsJsonAsync("/api/account/two-factor/disable", new TwoFactorConfirmation(Scenario.Password, null));
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        var client = app.CreateClient();
        client.Authorize((await client.SignInAsync(tenant.AdminEmail, Scenario.Password)).AccessToken);
        Assert.False((await client.GetFromJsonAsync<TwoFactorStatus>("/api/account/two-factor", Json.Options))!.Enabled);
        var audit = await client.PageAsync<AuditEntryDto>("/api/audit?action=account.");
        Assert.Equal(["account.recovery_codes_regenerated", "account.two_factor_disabled", "account.two_factor_enabled"], audit.Items.Select(e => e.Action).Order());
    }

    /// <summary>Enrols the tenant's admin through the API and signs in again with both factors (enabling ends the old session).</summary>
    private async Task<Enrolled> EnrolAsync(OnboardedTenant tenant)
    {
        var setup = await (await tenant.Admin.PostAsync("/api/account/two-factor/authenticator", null)).ReadAsync<AuthenticatorSetup>();
        var codes = await (await tenant.Admin.PostAsJsonAsync("/api/account/two-factor/enable", new TwoFactorCodeRequest(Totp.Code(setup.SharedKey)))).ReadAsync<RecoveryCodes>();
        return new Enrolled(setup.SharedKey, codes.Codes, await SignedInWithCodeAsync(tenant.AdminEmail, setup.SharedKey));
    }

    private async Task<HttpClient> SignedInWithCodeAsync(string email, string sharedKey)
    {
        var client = app.CreateClient();
        var response = await client.RequestTokenAsync(email, Scenario.Password, Totp.Code(sharedKey));
        var token = await response.ReadAsync<TokenResponse>();
        return client.Authorize(token.AccessToken);
    }
}
