using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace RedesPlataforma.EndToEnd.Tests;

/// <summary>
/// The jobs people do in the portal, end to end on the real stack in Debian's Chromium: each person in a browser
/// context of their own, reading and typing what the page shows. Nothing here calls the API directly except to wait
/// for mail; what a person cannot see on the page is not asserted.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed partial class PortalJourneyTests(LocalStack stack, Chromium chromium) : BrowserTest(chromium)
{
    private const string NationalUnit = "unidad@redes.pe";

    [Fact]
    public async Task An_institution_applies_the_national_unit_approves_its_admin_invites_a_specialist_who_joins_and_is_later_deactivated()
    {
        SetDefaultExpectTimeout(20_000);
        var suffix = RandomNumberGenerator.GetHexString(6).ToLowerInvariant();
        var institution = $"Cooperativa Agraria Qullqi {suffix}";
        var adminEmail = $"admin.{suffix}@qullqi.test";
        var adminPassword = $"Qullqi-{suffix}-Admin9!";
        var specialistEmail = $"rosa.{suffix}@qullqi.test";
        var specialistPassword = $"Rosa-{suffix}-Campo9!";

        // The institution applies on the public page.
        var applicant = await NewPageAsync();
        await applicant.GotoAsync(new Uri(stack.Gateway, "/").ToString());
        await applicant.GetByRole(AriaRole.Link, new() { Name = "Registrar mi institución" }).ClickAsync();
        await applicant.GetByLabel("Nombre de la institución").FillAsync(institution);
        await applicant.GetByLabel("Tipo de institución").SelectOptionAsync(new SelectOptionValue { Label = "Cooperativa" });
        await applicant.GetByRole(AriaRole.Textbox, new() { Name = "RUC", Exact = true }).FillAsync(NewRuc());
        await applicant.GetByRole(AriaRole.Checkbox, new() { Name = "Puno" }).CheckAsync();
        await applicant.GetByLabel("Nombres y apellidos").FillAsync("Hilario Mamani Quispe");
        await applicant.GetByLabel("Correo electrónico").FillAsync(adminEmail);
        await applicant.GetByLabel(new Regex("^Contraseña")).FillAsync(adminPassword);
        await applicant.GetByLabel("Confirmar contraseña").FillAsync(adminPassword);
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Enviar solicitud" }).ClickAsync();
        await Expect(applicant.GetByRole(AriaRole.Heading, new() { Name = "Solicitud enviada" })).ToBeVisibleAsync();
        var applicationId = (await applicant.Locator("strong").InnerTextAsync()).Trim();
        await applicant.GetByRole(AriaRole.Link, new() { Name = "Consultar el estado de la solicitud" }).ClickAsync();
        await Expect(applicant.GetByText("Pendiente", new() { Exact = true })).ToBeVisibleAsync();

        // The national unit approves it from its queue.
        var national = await NewPageAsync();
        await national.SignInAsync(stack, NationalUnit, stack.NationalPassword);
        await Expect(national.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Unidad nacional: lo pendiente");
        await national.GetByRole(AriaRole.Navigation, new() { Name = "Navegación principal" }).GetByRole(AriaRole.Link, new() { Name = "Solicitudes" }).ClickAsync();
        await national.GetByRole(AriaRole.Link, new() { Name = institution }).ClickAsync();
        await national.GetByRole(AriaRole.Button, new() { Name = "Aprobar solicitud" }).ClickAsync();
        await Expect(national.GetByText($"Solicitud aprobada: {institution} ya es una institución de la plataforma.")).ToBeVisibleAsync();

        // The applicant sees the decision.
        await applicant.ReloadAsync();
        await Expect(applicant.GetByText("Aprobada", new() { Exact = true })).ToBeVisibleAsync();

        // Its first admin signs in, lands on the admin's home and invites a specialist.
        var admin = await NewPageAsync();
        await admin.SignInAsync(stack, adminEmail, adminPassword);
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Inicio");
        await admin.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Invitar a una persona" }).First.ClickAsync();
        await admin.GetByLabel("Nombres y apellidos").FillAsync("Rosa Condori Apaza");
        await admin.GetByLabel("Correo electrónico").FillAsync(specialistEmail);
        await admin.GetByRole(AriaRole.Checkbox, new() { Name = "Especialista" }).CheckAsync();
        await admin.GetByRole(AriaRole.Checkbox, new() { Name = "Puno" }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Enviar invitación" }).ClickAsync();
        await Expect(admin.GetByText($"Enviamos la invitación a {specialistEmail}.")).ToBeVisibleAsync();

        // The specialist follows the e-mailed link, chooses a password and signs in with the role given.
        var link = await InvitationLinkAsync(specialistEmail);
        var specialist = await NewPageAsync();
        await specialist.GotoAsync(link);
        await specialist.GetByLabel("Nueva contraseña").FillAsync(specialistPassword);
        await specialist.GetByLabel("Confirmar contraseña").FillAsync(specialistPassword);
        await specialist.GetByRole(AriaRole.Button, new() { Name = "Guardar contraseña y activar mi cuenta" }).ClickAsync();
        await Expect(specialist.GetByText("Su cuenta está activa.", new() { Exact = false })).ToBeVisibleAsync();
        await specialist.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Iniciar sesión" }).ClickAsync();
        await specialist.SubmitSignInFormAsync(specialistEmail, specialistPassword);
        var navigation = specialist.GetByRole(AriaRole.Navigation, new() { Name = "Navegación principal" });
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Panel" })).ToBeVisibleAsync();
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Personal" })).ToHaveCountAsync(0);
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Mi perfil" }).ClickAsync();
        await Expect(specialist.GetByText("Especialista", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(specialist.GetByText(institution, new() { Exact = true })).ToBeVisibleAsync();
        await specialist.SignOutAsync();

        // The admin deactivates the specialist, who then cannot sign in.
        await admin.GotoAsync(new Uri(stack.Gateway, "/personal").ToString());
        await admin.GetByRole(AriaRole.Link, new() { Name = "Rosa Condori Apaza" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Desactivar" }).ClickAsync();
        await admin.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Desactivar" }).ClickAsync();
        await Expect(admin.GetByText("La persona fue desactivada.")).ToBeVisibleAsync();

        await specialist.SignInAsync(stack, specialistEmail, specialistPassword);
        await Expect(specialist.GetByRole(AriaRole.Alert)).ToHaveTextAsync("La cuenta está desactivada; consulte con el administrador de su institución.");
        await Expect(specialist.GetByRole(AriaRole.Heading, new() { Name = "Iniciar sesión" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_national_unit_publishes_a_programme_and_returns_a_submitted_plan_from_its_desk()
    {
        SetDefaultExpectTimeout(20_000);
        var name = $"Sierra Productiva {RandomNumberGenerator.GetHexString(4)}";
        var page = await NewPageAsync();
        await page.SignInAsync(stack, NationalUnit, stack.NationalPassword);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Navegación principal" }).GetByRole(AriaRole.Link, new() { Name = "Programas" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Publicar programa" }).ClickAsync();
        await page.GetByLabel("Nombre del programa").FillAsync(name);
        await page.GetByLabel("Financiador").FillAsync("MIDAGRI");
        await page.GetByLabel("Presupuesto total (S/)").FillAsync("800000");
        await page.GetByLabel("Máximo del programa por plan (S/)").FillAsync("90000");
        await page.GetByLabel("Aporte mínimo de la red (%)").FillAsync("30");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Inicio", Exact = true }).FillAsync("2027-01-04");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Fin", Exact = true }).FillAsync("2028-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publicar programa" }).ClickAsync();
        await Expect(page.GetByText("Programa publicado.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reglas para postular" })).ToBeVisibleAsync();
        await Expect(page.GetByText("S/ 800,000.00").First).ToBeVisibleAsync();
        await Expect(page.GetByText("S/ 90,000.00").First).ToBeVisibleAsync();

        // A plan submitted by Agro Rural on Aliados II waits on the desk; the unit returns it with its reason.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Navegación principal" }).GetByRole(AriaRole.Link, new() { Name = "Mesa de revisión" }).ClickAsync();
        var pending = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row).Filter(new() { HasText = "Pendiente" });
        await Expect(pending.First).ToBeVisibleAsync();
        await pending.First.GetByRole(AriaRole.Link).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Devolver para corregir" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Motivo").FillAsync("Falta el detalle del aporte en especie de la red.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Devolver para corregir" }).ClickAsync();
        await Expect(page.GetByText("Postulación devuelta a la institución para corregir.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Falta el detalle del aporte en especie de la red.")).ToBeVisibleAsync();
    }

    /// <summary>The link in the newest invitation e-mail to this address, once the Tenants service has written it.</summary>
    private async Task<string> InvitationLinkAsync(string email)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var file in Directory.Exists(stack.MailFolder) ? Directory.GetFiles(stack.MailFolder, "*.eml") : [])
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => m.Address.Equals(email, StringComparison.OrdinalIgnoreCase))
                    && InvitationLink().Match(message.TextBody ?? "") is { Success: true } link)
                    return link.Value;
            }
            await Task.Delay(250);
        }
        throw new InvalidOperationException($"No invitation e-mail to {email} in {stack.MailFolder} after 30 s.");
    }

    /// <summary>A RUC no other test uses, with its check digit (prefix 20: a company).</summary>
    private static string NewRuc()
    {
        int[] weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
        var first = "20" + RandomNumberGenerator.GetInt32(10_000_000, 100_000_000);
        var sum = first.Select((digit, i) => (digit - '0') * weights[i]).Sum();
        return first + (11 - sum % 11) % 10;
    }

    [GeneratedRegex(@"https?://\S+/invitacion\?u=[^\s""<>]+")]
    private static partial Regex InvitationLink();
}
