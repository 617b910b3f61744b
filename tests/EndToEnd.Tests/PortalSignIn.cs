using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RedesPlataforma.EndToEnd.Tests;

/// <summary>Signing in as a person does: the portal's "Iniciar sesión", then the token server's sign-in page.</summary>
public static class PortalSignIn
{
    public static async Task SignInAsync(this IPage page, LocalStack stack, string email, string password, string from = "/")
    {
        await page.GotoAsync(new Uri(stack.Gateway, from).ToString());
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Iniciar sesión" }).ClickAsync();
        await page.SubmitSignInFormAsync(email, password);
    }

    /// <summary>The token server's page (/connect/login), wherever the portal sent the browser to it from.</summary>
    public static async Task SubmitSignInFormAsync(this IPage page, string email, string password)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Iniciar sesión" })).ToBeVisibleAsync();
        await page.GetByLabel("Correo electrónico").FillAsync(email);
        await page.GetByLabel("Contraseña").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ingresar" }).ClickAsync();
    }

    public static async Task SignOutAsync(this IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Cerrar sesión" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Redes empresariales rurales" })).ToBeVisibleAsync();
    }
}
