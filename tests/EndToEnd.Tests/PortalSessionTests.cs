using System.Net;
using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RedesPlataforma.Testing;
using static Microsoft.Playwright.Assertions;

namespace RedesPlataforma.EndToEnd.Tests;

/// <summary>
/// The portal's session as the browser holds it: no token anywhere the page's script can read, and a write sent from
/// another site with the browser's cookies refused.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed partial class PortalSessionTests(LocalStack stack, Chromium chromium) : BrowserTest(chromium)
{
    private const string AgroRuralAdmin = "admin@agrorural.demo.pe";

    [Fact]
    public async Task No_token_is_ever_readable_by_the_page()
    {
        var page = await NewPageAsync();
        // Bodies are read once they have arrived whole (RequestFinished): asked for at the Response event, the body of a
        // request a navigation then cancels can be waited for forever, and the suite once hung here. The bound below turns
        // any such wait into a failure.
        var bodies = new ConcurrentBag<Task<string?>>();
        page.RequestFinished += (_, request) =>
        {
            if (request.ResourceType is "fetch" or "xhr") bodies.Add(Task.Run(() => BodyAsync(request)));
        };

        await page.SignInAsync(stack, AgroRuralAdmin, stack.AgroRuralAdminPassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Inicio");
        foreach (var path in new[] { "/personal", "/panel", "/perfil", "/auditoria" })
        {
            await page.GotoAsync(new Uri(stack.Gateway, path).ToString());
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        var received = (await Task.WhenAll(bodies).WaitAsync(TimeSpan.FromSeconds(30))).OfType<string>().ToList();

        Assert.Contains(received, body => body.Contains(AgroRuralAdmin)); // the page did receive the user's data...
        Assert.DoesNotContain(received, body => Jwt().IsMatch(body));    // ...and never a token
        var storage = await page.EvaluateAsync<JsonElement>("() => ({ cookie: document.cookie, local: JSON.stringify(localStorage), session: JSON.stringify(sessionStorage) })");
        foreach (var place in storage.EnumerateObject())
        {
            Assert.DoesNotMatch(Jwt(), place.Value.GetString() ?? "");
            Assert.DoesNotContain("redes.session", place.Value.GetString() ?? "");
        }
        // The session cookie, in as many chunks as the ticket needs: every one out of the script's reach and same-site only.
        var session = (await page.Context.CookiesAsync()).Where(c => c.Name.StartsWith("redes.session")).ToList();
        Assert.NotEmpty(session);
        Assert.All(session, chunk => Assert.True(chunk.HttpOnly && chunk.SameSite == SameSiteAttribute.Strict, chunk.Name));
    }

    /// <summary>The body of a finished request, or null when the browser has already let it go (a later navigation).</summary>
    private static async Task<string?> BodyAsync(IRequest request)
    {
        try { return await request.ResponseAsync() is { } response ? await response.TextAsync() : null; }
        catch (PlaywrightException) { return null; }
    }

    [Fact]
    public async Task A_write_sent_from_another_site_with_the_browsers_session_is_refused()
    {
        var page = await NewPageAsync();
        await page.SignInAsync(stack, AgroRuralAdmin, stack.AgroRuralAdminPassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Inicio");
        var email = $"intruso.{Guid.NewGuid():N}@otro-sitio.test";
        var target = new Uri(stack.Gateway, "/api/staff/invitations").ToString();

        // Another site in the same browser: a page of the test's own, with no policy, on "localhost" (not the
        // portal's "127.0.0.1"), sending the simplest cross-site request there is, a form-like POST needing no preflight.
        using var elsewhere = OtherSite.Start();
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync(elsewhere.Address);
        var response = other.WaitForResponseAsync(target, new() { Timeout = 10_000 });
        var sent = await other.EvaluateAsync<string>("""
            ([url, email]) => fetch(url, {
              method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' },
              body: JSON.stringify({ fullName: 'Intruso', email, roles: ['TenantAdmin'], regions: ['PE-CUS'] }),
            }).then(() => 'sent', error => String(error))
            """, new[] { target, email });

        Assert.Equal("sent", sent);
        Assert.Contains((await response).Status, new[] { 401, 403 });
        using var admin = await stack.SignedInAsync(AgroRuralAdmin, stack.AgroRuralAdminPassword);
        var staff = await admin.GetFromJsonAsync<JsonElement>($"api/staff?Search={Uri.EscapeDataString(email)}");
        Assert.Equal(0, staff.GetProperty("totalCount").GetInt32());
    }

    /// <summary>A one-page web site on a free loopback port, addressed as localhost.</summary>
    private sealed class OtherSite : IDisposable
    {
        private readonly HttpListener _listener = new();

        public required string Address { get; init; }

        public static OtherSite Start()
        {
            var port = LocalInfrastructure.FreeLoopbackPort();
            var site = new OtherSite { Address = $"http://localhost:{port}/" };
            site._listener.Prefixes.Add(site.Address);
            site._listener.Start();
            _ = site.ServeAsync();
            return site;
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                var page = "<!doctype html><html lang=\"es\"><title>Otro sitio</title><p>Otro sitio</p></html>"u8.ToArray();
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.OutputStream.WriteAsync(page);
                context.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();
    }

    /// <summary>A JSON Web Token (header.payload.…), the shape of every access token; refresh tokens are longer JWEs of the same shape.</summary>
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.")]
    private static partial Regex Jwt();
}
