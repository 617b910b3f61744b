using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using RedesPlataforma.Tenants.Staff;
using RedesPlataforma.Testing;
using Xunit.Abstractions;

namespace RedesPlataforma.Tenants.FunctionalTests;

/// <summary>Whether an account exists, or is locked, shows neither in the answers nor in their time (issue 16, item 5).</summary>
public sealed class AccountEnumerationTests(ServiceHashingTenantsApp app, ITestOutputHelper output) : IClassFixture<ServiceHashingTenantsApp>
{
    private const string WrongPassword = "No-Es-La-Clave-1!";

    [Fact]
    public async Task Unknown_email_wrong_password_and_locked_account_get_the_same_answer_from_the_token_endpoint()
    {
        var tenant = await app.OnboardAsync();
        var staff = await tenant.CreateStaffAsync("Viewer");
        var client = app.CreateClient();

        var unknown = await AnswerAsync(await client.RequestTokenAsync($"{Scenario.Unique("nadie")}@desconocido.test", WrongPassword));
        var wrong = await AnswerAsync(await client.RequestTokenAsync(staff.Email, WrongPassword));
        for (var attempt = 1; attempt < 5; attempt++) await client.RequestTokenAsync(staff.Email, WrongPassword);
        var lockedWithTheRightPassword = await AnswerAsync(await client.RequestTokenAsync(staff.Email, staff.Password));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, lockedWithTheRightPassword);
    }

    [Fact]
    public async Task The_person_learns_of_a_lockout_by_e_mail_and_it_still_holds()
    {
        var tenant = await app.OnboardAsync();
        var staff = await tenant.CreateStaffAsync("Viewer");
        var client = app.CreateClient();
        for (var attempt = 0; attempt < 5; attempt++) await client.RequestTokenAsync(staff.Email, WrongPassword);

        var notice = await app.WaitForMailAsync(staff.Email);

        Assert.Contains("bloqueada", notice.Subject);
        Assert.Contains("15 minutos", notice.TextBody);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.RequestTokenAsync(staff.Email, staff.Password)).StatusCode);
    }

    /// <summary>
    /// Before the fix an unknown address was answered in 1–3 ms and a wrong password in over 100 ms (one PBKDF2 run
    /// of 210,000 iterations). The fastest of several tries each, against a quarter of the wrong password's fastest: a
    /// busy machine only ever adds time, so the fastest try is each path's own cost (a median moved with the load of the
    /// suites running beside it). The tries go in rounds, one of each path per round, so a burst of load beside the
    /// suite (an end-to-end stack starting) meets all three alike. The bound leaves room for what only a wrong password
    /// does besides the hash, writing the failure count (on a busy database, up to half of its time); a missing hash
    /// misses it by a factor of thirty.
    /// </summary>
    [Fact]
    public async Task An_unknown_email_and_a_locked_account_take_as_long_as_a_wrong_password()
    {
        var tenant = await app.OnboardAsync();
        CreatedStaff[] guessed = [await tenant.CreateStaffAsync("Viewer"), await tenant.CreateStaffAsync("Viewer")];
        var locked = await tenant.CreateStaffAsync("Viewer");
        var client = app.CreateClient();
        for (var attempt = 0; attempt < 5; attempt++) await client.RequestTokenAsync(locked.Email, WrongPassword);
        await client.RequestTokenAsync($"{Scenario.Unique("calentar")}@desconocido.test", WrongPassword); // the decoy hash is made once per process

        // Eight rounds: the wrong passwords alternate between two accounts, four each, which leaves both unlocked.
        var (wrong, unknown, lockedOut) = (new FastestTry(), new FastestTry(), new FastestTry());
        for (var round = 0; round < 8; round++)
        {
            await wrong.TimeAsync(() => client.RequestTokenAsync(guessed[round % 2].Email, WrongPassword));
            await unknown.TimeAsync(() => client.RequestTokenAsync($"{Scenario.Unique("nadie")}@desconocido.test", WrongPassword));
            await lockedOut.TimeAsync(() => client.RequestTokenAsync(locked.Email, locked.Password));
        }

        output.WriteLine($"token endpoint, fastest of each: wrong password {wrong.Ms:0.0} ms, unknown e-mail {unknown.Ms:0.0} ms, locked account {lockedOut.Ms:0.0} ms");
        Assert.True(unknown.Elapsed >= wrong.Elapsed / 4, $"unknown {unknown.Ms} ms vs wrong password {wrong.Ms} ms");
        Assert.True(lockedOut.Elapsed >= wrong.Elapsed / 4, $"locked {lockedOut.Ms} ms vs wrong password {wrong.Ms} ms");
    }

    [Fact]
    public async Task Another_institutions_or_the_national_units_email_gets_one_answer_that_names_neither()
    {
        var other = await app.OnboardAsync();
        var tenant = await app.OnboardAsync();
        var ownStaff = await tenant.CreateStaffAsync("Viewer");
        InviteStaffRequest Invite(string email) => new("Eva Mamani Quispe", email, ["Viewer"], null, null, null, null);

        var otherInstitutions = await AnswerAsync(await tenant.Admin.PostAsJsonAsync("/api/staff/invitations", Invite(other.AdminEmail)));
        var nationalUnits = await AnswerAsync(await tenant.Admin.PostAsJsonAsync("/api/staff/invitations", Invite(TenantsApp.NationalEmail)));
        var own = await AnswerAsync(await tenant.Admin.PostAsJsonAsync("/api/staff/invitations", Invite(ownStaff.Email)));

        Assert.Equal(HttpStatusCode.Conflict, otherInstitutions.Status);
        Assert.Equal(otherInstitutions, nationalUnits);
        Assert.DoesNotContain("exist", otherInstitutions.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("su institución", own.Body);
        Assert.Equal(2, (await tenant.Admin.PageAsync<StaffSummary>("/api/staff")).TotalCount);
    }

    private sealed record Answer(HttpStatusCode Status, string? MediaType, string Body);

    /// <summary>The answer as a client sees it, but for the request's own trace id.</summary>
    private static async Task<Answer> AnswerAsync(HttpResponseMessage response) =>
        new(response.StatusCode, response.Content.Headers.ContentType?.MediaType,
            Regex.Replace(await response.Content.ReadAsStringAsync(), "\"traceId\":\"[^\"]*\"", "\"traceId\":\"\""));

    /// <summary>The fastest of a path's tries, each answered 400 as every path must be.</summary>
    private sealed class FastestTry
    {
        public TimeSpan Elapsed { get; private set; } = TimeSpan.MaxValue;
        public double Ms => Elapsed.TotalMilliseconds;

        public async Task TimeAsync(Func<Task<HttpResponseMessage>> send)
        {
            var watch = Stopwatch.StartNew();
            var response = await send();
            if (watch.Elapsed < Elapsed) Elapsed = watch.Elapsed;
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }
}

/// <summary>The Tenants service hashing passwords at its own iteration count: the timing test compares that cost.</summary>
public sealed class ServiceHashingTenantsApp : TenantsApp
{
    protected override int? PasswordHashIterations => null;
}
