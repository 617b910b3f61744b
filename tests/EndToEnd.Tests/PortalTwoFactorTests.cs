using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using RedesPlataforma.Testing;
using static Microsoft.Playwright.Assertions;

namespace RedesPlataforma.EndToEnd.Tests;

/// <summary>Two-step verification as a person goes through it: the password on the token server's page, then the code.</summary>
[Collection(LocalStackCollection.Name)]
public sealed class PortalTwoFactorTests(LocalStack stack, Chromium chromium) : BrowserTest(chromium)
{
    [Fact]
    public async Task An_administrator_with_an_authenticator_signs_in_with_the_code_on_the_second_step()
    {
        // An administrator of their own, so the seeded ones keep signing in with the password grant alone.
        var email = $"admin.{Guid.NewGuid():N}"[..14] + "@agrorural.demo.pe";
        using (var agroRural = await stack.SignedInAsync("admin@agrorural.demo.pe", stack.AgroRuralAdminPassword))
        {
            var created = await agroRural.PostAsJsonAsync("api/staff", new { fullName = "Carmen Huanca Ccori", email, initialPassword = stack.StaffPassword, roles = new[] { "TenantAdmin" } });
            created.EnsureSuccessStatusCode();
        }
        string key;
        using (var admin = await stack.SignedInAsync(email, stack.StaffPassword))
        {
            var setup = await (await admin.PostAsync("api/account/two-factor/authenticator", null)).Content.ReadFromJsonAsync<JsonElement>();
            key = setup.GetProperty("sharedKey").GetString()!;
            (await admin.PostAsJsonAsync("api/account/two-factor/enable", new { code = Totp.Code(key) })).EnsureSuccessStatusCode();
        }

        var page = await NewPageAsync();
        await page.SignInAsync(stack, email, stack.StaffPassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Verificación en dos pasos" })).ToBeVisibleAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await page.GetByLabel("Código", new() { Exact = true }).FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verificar" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Inicio");
        await page.GotoAsync(new Uri(stack.Gateway, "/perfil").ToString());
        await Expect(page.GetByText("La verificación en dos pasos está activada.", new() { Exact = false })).ToBeVisibleAsync();
    }
}
