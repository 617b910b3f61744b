using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RedesPlataforma.EndToEnd.Tests;

/// <summary>
/// axe-core on every page of the portal, for each kind of user, on a desktop (1366×768) and a phone (390×844):
/// no serious or critical WCAG 2.2 A/AA violation. Detail pages are reached as a person would, from their list (the
/// field pages of a specialist and a supervisor on the seeded networks, producers and plans of their region).
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class PortalAccessibilityTests(LocalStack stack, Chromium chromium) : BrowserTest(chromium)
{
    private static readonly (int Width, int Height)[] Sizes = [(1366, 768), (390, 844)];

    [Fact]
    public async Task Public_pages_and_the_sign_in_page_have_no_serious_or_critical_violations()
    {
        var page = await NewPageAsync();
        var found = new List<string>();
        foreach (var path in new[] { "/", "/registro", "/registro/estado", "/invitacion?u=0191f0aa-0000-7000-8000-000000000001&t=x", "/restablecer", "/no-existe" })
            found.AddRange(await CheckAsync(page, path));
        await page.GotoAsync(stack.Gateway.ToString());
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Iniciar sesión" }).ClickAsync();
        found.AddRange(await CheckCurrentAsync(page, "/connect/login"));

        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    [Fact]
    public async Task The_national_units_pages_have_no_serious_or_critical_violations()
    {
        var page = await NewPageAsync();
        await page.SignInAsync(stack, "unidad@redes.pe", stack.NationalPassword);
        var found = new List<string>();
        foreach (var path in new[] { "/nacional", "/nacional/solicitudes?status=", "/nacional/instituciones", "/nacional/programas", "/nacional/programas/nuevo", "/nacional/revisiones", "/nacional/cifras", "/perfil" })
            found.AddRange(await CheckAsync(page, path));
        found.AddRange(await CheckDetailAsync(page, "/nacional/instituciones", "/nacional/instituciones/"));
        found.AddRange(await CheckDetailAsync(page, "/nacional/programas", "/nacional/programas/"));
        found.AddRange(await CheckDetailAsync(page, "/nacional/revisiones?status=", "/nacional/revisiones/"));

        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    [Fact]
    public async Task A_tenant_admins_pages_have_no_serious_or_critical_violations()
    {
        await stack.SettledAsync("admin@agrorural.demo.pe", stack.AgroRuralAdminPassword, "api/reporting/dashboard", producers: 1_543);
        var page = await NewPageAsync();
        await page.SignInAsync(stack, "admin@agrorural.demo.pe", stack.AgroRuralAdminPassword);
        var found = new List<string>();
        foreach (var path in new[] { "/inicio", "/personal", "/personal/invitar", "/unidades", "/auditoria", "/datos-personales", "/ajustes", "/panel", "/perfil" })
            found.AddRange(await CheckAsync(page, path));
        found.AddRange(await CheckDetailAsync(page, "/personal", "/personal/"));

        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    [Fact]
    public async Task A_specialists_field_pages_have_no_serious_or_critical_violations()
    {
        var page = await NewPageAsync();
        await page.SignInAsync(stack, "rosa.quispe@agrorural.demo.pe", stack.StaffPassword);
        var found = new List<string>();
        foreach (var path in new[] { "/mi-trabajo", "/productores", "/productores/nuevo", "/productores/importar", "/redes", "/redes/nueva", "/planes", "/planes/nuevo", "/sincronizacion" })
            found.AddRange(await CheckAsync(page, path));
        found.AddRange(await CheckDetailAsync(page, "/productores", "/productores/", "/productores/nuevo", "/productores/importar"));
        found.AddRange(await CheckDetailAsync(page, "/mi-trabajo", "/redes/", "/redes/nueva"));
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Monitoreo mensual" }).ClickAsync();
        found.AddRange(await CheckCurrentAsync(page, "/redes/…/monitoreo"));
        found.AddRange(await CheckDetailAsync(page, "/planes", "/planes/", "/planes/nuevo"));

        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    [Fact]
    public async Task A_supervisors_field_pages_have_no_serious_or_critical_violations()
    {
        var page = await NewPageAsync();
        await page.SignInAsync(stack, "carmen.huaman@agrorural.demo.pe", stack.StaffPassword);
        var found = new List<string>();
        foreach (var path in new[] { "/mi-trabajo", "/productores", "/redes", "/planes", "/planes?vista=cola" })
            found.AddRange(await CheckAsync(page, path));
        found.AddRange(await CheckDetailAsync(page, "/mi-trabajo", "/redes/", "/redes/nueva"));
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Monitoreo mensual" }).ClickAsync();
        found.AddRange(await CheckCurrentAsync(page, "/redes/…/monitoreo"));
        found.AddRange(await CheckDetailAsync(page, "/planes?vista=cola", "/planes/", "/planes/nuevo"));
        found.AddRange(await CheckDetailAsync(page, "/productores", "/productores/", "/productores/nuevo", "/productores/importar"));

        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    private async Task<IEnumerable<string>> CheckAsync(IPage page, string path)
    {
        await page.GotoAsync(new Uri(stack.Gateway, path).ToString());
        return await CheckCurrentAsync(page, path);
    }

    /// <summary>
    /// The first detail page linked from a list (an institution, a programme, a submission, a person, a network), not
    /// counting the list's other pages under the same prefix (such as /redes/nueva) nor a network's monitoring page.
    /// </summary>
    private async Task<IEnumerable<string>> CheckDetailAsync(IPage page, string list, string detailPrefix, params string[] except)
    {
        await page.GotoAsync(new Uri(stack.Gateway, list).ToString());
        var link = page.GetByRole(AriaRole.Main).Locator($"a[href^='{detailPrefix}']{string.Concat(except.Select(e => $":not([href^='{e}'])"))}:not([href$='/monitoreo'])").First;
        await Expect(link).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await link.ClickAsync();
        return await CheckCurrentAsync(page, $"{detailPrefix}…");
    }

    private static async Task<IEnumerable<string>> CheckCurrentAsync(IPage page, string name)
    {
        var found = new List<string>();
        foreach (var (width, height) in Sizes)
        {
            await page.SetViewportSizeAsync(width, height);
            // What the new size changes lands a frame or two later (a table that now overflows becomes a focusable
            // region when its resize observer has run and React has rendered again): check the page a person sees.
            await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done))))");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync(new() { Timeout = 20_000 });
            // Settled: no request in flight and no "Cargando…" left on the page.
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Expect(page.GetByText("Cargando…")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
            found.AddRange((await Axe.SeriousViolationsAsync(page)).Select(v => $"{name} at {width}×{height}: {v}"));
        }
        return found;
    }
}
