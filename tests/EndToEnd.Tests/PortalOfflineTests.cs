using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RedesPlataforma.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace RedesPlataforma.EndToEnd.Tests;

/// <summary>
/// The portal offline (docs/decisions/0014-portal-offline-first.md, "Driving it from Playwright"): a specialist of Agro
/// Rural works without connection, the writes wait in the IndexedDB queue (also across a reload offline), and the sync
/// delivers each exactly once (Idempotency-Key, ADR 0012) or stops at a conflict (If-Match) until she decides.
/// The server's side is then read through the API.
///
/// How offline is emulated: <c>context.SetOfflineAsync(true)</c> alone. In this Playwright (1.64) and Debian's Chromium
/// it reaches the service worker's own fetches too (Playwright issue #2311 is about older versions), so no extra
/// routing or CDP is needed. This is checked, not assumed: every test watches the requests the worker makes
/// (<see cref="OfflineWatch"/>: Playwright reports them in Chromium, a request without a frame; about 130 per test
/// online, the precache and the NetworkFirst reads) and fails if one of them got an answer from the network while the
/// context was offline. The writes themselves are sent by the page (the worker routes only GETs), so a context route
/// sees them.
/// </summary>
[ChangesTheDemoData]
[Collection(LocalStackCollection.Name)]
public sealed partial class PortalOfflineTests(LocalStack stack, Chromium chromium, ITestOutputHelper output) : BrowserTest(chromium)
{
    private const string Specialist = "rosa.quispe@agrorural.demo.pe";
    private const string Supervisor = "carmen.huaman@agrorural.demo.pe";
    private const string Banner = "Sin conexión: los cambios se guardan en este dispositivo";

    [Fact]
    public async Task A_specialist_registers_20_producers_and_a_month_of_monitoring_offline_keeps_them_across_a_reload_and_the_server_holds_each_once()
    {
        SetDefaultExpectTimeout(30_000);
        using var api = await stack.SignedInAsync(Specialist, stack.StaffPassword);
        var (networkId, networkName, period) = await NetworkWithAFreeMonthAsync(api);
        var suffix = RandomNumberGenerator.GetHexString(4);
        var producers = Enumerable.Range(1, 20).Select(i => (Dni: NewDni(), First: $"Offline{i:00}", Last: $"Prueba {suffix}")).ToList();

        var (context, page, watch) = await SignedInAsync(Specialist);

        // Online once: the monitoring page (network and its records) and the registration form with Cusco's districts.
        await page.GotoAsync(Url($"/redes/{networkId}/monitoreo"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = $"Monitoreo de {networkName}" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Registros por mes" })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GotoAsync(Url("/productores/nuevo"));
        await ChoosePlaceAsync(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await GoOfflineAsync(context, page, watch);

        // 20 producers, one after the other: the form keeps the place and the consent's date.
        await page.GetByLabel(Label("Fecha del consentimiento")).FillAsync(DateTime.UtcNow.AddHours(-5).AddDays(-2).ToString("yyyy-MM-dd"));
        foreach (var (dni, first, last) in producers)
        {
            await FillProducerAsync(page, dni, first, last);
            await page.GetByRole(AriaRole.Button, new() { Name = "Registrar", Exact = true }).ClickAsync();
            await Expect(page.GetByText($"«{first} {last}» quedó guardado en este dispositivo.")).ToBeVisibleAsync();
        }
        await Expect(Indicator(page)).ToHaveTextAsync("20 cambios pendientes");

        // And a month of monitoring that has none.
        await page.GotoAsync(Url($"/redes/{networkId}/monitoreo")); // answered by the worker
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrar un mes" }).ClickAsync();
        await page.GetByLabel(Label("Mes")).FillAsync(period);
        await page.GetByLabel(Label("Ventas del mes (S/)")).FillAsync("4321.50");
        await page.GetByLabel(Label("Volumen vendido")).FillAsync("850");
        await page.GetByLabel(Label("Unidad del volumen")).FillAsync("kg");
        await page.GetByLabel(Label("Productividad")).FillAsync("1200");
        await page.GetByLabel(Label("Unidad de la productividad")).FillAsync("kg/ha");
        await page.GetByLabel(Label("Ingreso neto promedio por miembro (S/)")).FillAsync("987.65");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrar el mes" }).ClickAsync();
        await Expect(page.GetByText("Guardado en este dispositivo: se enviará cuando vuelva la conexión.")).ToBeVisibleAsync();
        await Expect(Indicator(page)).ToHaveTextAsync("21 cambios pendientes");

        // Reloaded while still offline: the queue is still there, in order, on /sincronizacion.
        await page.ReloadAsync();
        await Expect(page.GetByText(Banner)).ToBeVisibleAsync();
        await Expect(Indicator(page)).ToHaveTextAsync("21 cambios pendientes");
        await Indicator(page).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Sincronización" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Pendientes: 21")).ToBeVisibleAsync();
        var items = Queue(page).GetByRole(AriaRole.Listitem);
        await Expect(items).ToHaveCountAsync(21);
        for (var i = 0; i < producers.Count; i++)
            await Expect(items.Nth(i).GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync($"Registrar productor: {producers[i].First} {producers[i].Last}");
        await Expect(items.Nth(20).GetByRole(AriaRole.Heading, new() { Level = 3 })).ToContainTextAsync($"Monitoreo");
        await Expect(items.Nth(20).GetByRole(AriaRole.Heading, new() { Level = 3 })).ToContainTextAsync(networkName);

        // Online again: the sync empties the queue.
        await GoOnlineAsync(context, watch);
        await Expect(Indicator(page)).ToHaveTextAsync("Sin cambios pendientes", new() { Timeout = 60_000 });
        await Expect(page.GetByText("No hay cambios pendientes: todo está enviado.")).ToBeVisibleAsync();

        // The server holds each exactly once.
        foreach (var (dni, first, last) in producers)
        {
            var found = await ProducersWithDniAsync(api, dni);
            Assert.True(found.Count == 1, $"{dni}: {found.Count} producers");
            Assert.Equal(first, found[0].GetProperty("firstNames").GetString());
            Assert.Equal(last, found[0].GetProperty("lastNames").GetString());
        }
        var records = await MonitoringPeriodsAsync(api, networkId);
        Assert.Equal(1, records.Count(p => p.StartsWith(period, StringComparison.Ordinal)));
        var record = await (await api.GetAsync($"api/networks/{networkId}/monitoring/{period}-01")).ReadAsync<JsonElement>();
        Assert.Equal(4321.50m, record.GetProperty("salesPen").GetDecimal());
        watch.AssertNothingLeaked(output);
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_sync_cut_after_the_server_applied_a_registration_resumes_with_the_same_keys_and_the_server_holds_each_once()
    {
        SetDefaultExpectTimeout(30_000);
        const int count = 10, cutAt = 4; // the 4th registration reaches the server, its answer is lost
        using var api = await stack.SignedInAsync(Specialist, stack.StaffPassword);
        var suffix = RandomNumberGenerator.GetHexString(4);
        var producers = Enumerable.Range(1, count).Select(i => (Dni: NewDni(), First: $"Corte{i:00}", Last: $"Prueba {suffix}")).ToList();

        var (context, page, watch) = await SignedInAsync(Specialist);
        await page.GotoAsync(Url("/productores/nuevo"));
        await ChoosePlaceAsync(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // Every POST /api/producers goes to the server (route.FetchAsync); the answer of the cutAt-th is dropped after
        // the server applied it and the context goes offline at that moment: the sync is cut halfway.
        var sent = new List<(string Key, int Status, string? Replayed)>();
        string? droppedKey = null;
        await context.RouteAsync("**/api/producers", async route =>
        {
            if (route.Request.Method != "POST") { await route.ContinueAsync(); return; }
            if (watch.Offline) { await route.AbortAsync("internetdisconnected"); return; }
            var key = await route.Request.HeaderValueAsync("idempotency-key") ?? "";
            var response = await route.FetchAsync();
            int number;
            lock (sent)
            {
                sent.Add((key, response.Status, response.Headers.GetValueOrDefault("idempotent-replayed")));
                number = sent.Count;
            }
            if (number == cutAt)
            {
                droppedKey = key;
                await watch.SetOfflineAsync(context, true);
                await route.AbortAsync("internetdisconnected");
                return;
            }
            await route.FulfillAsync(new() { Response = response });
        });

        await GoOfflineAsync(context, page, watch);
        await page.GetByLabel(Label("Fecha del consentimiento")).FillAsync(DateTime.UtcNow.AddHours(-5).AddDays(-1).ToString("yyyy-MM-dd"));
        foreach (var (dni, first, last) in producers)
        {
            await FillProducerAsync(page, dni, first, last);
            await page.GetByRole(AriaRole.Button, new() { Name = "Registrar", Exact = true }).ClickAsync();
            await Expect(page.GetByText($"«{first} {last}» quedó guardado en este dispositivo.")).ToBeVisibleAsync();
        }
        await Expect(Indicator(page)).ToHaveTextAsync($"{count} cambios pendientes");
        Assert.Empty(sent);

        // Online: the sync sends 1, 2, 3 (confirmed), then 4 (applied, answer lost; offline from then on).
        await GoOnlineAsync(context, watch);
        await Expect(Indicator(page)).ToHaveTextAsync($"{count - cutAt + 1} cambios pendientes");
        await Expect(page.GetByText(Banner)).ToBeVisibleAsync();
        Assert.NotNull(droppedKey);
        lock (sent) Assert.Equal(cutAt, sent.Count);
        Assert.All(sent, s => Assert.Equal(201, s.Status));
        Assert.Single(await ProducersWithDniAsync(api, producers[cutAt - 1].Dni)); // the server did apply it

        // The page is closed; a new one, still offline, shows the rest of the queue with the cut one first.
        await page.CloseAsync();
        page = await context.NewPageAsync();
        await page.GotoAsync(Url("/sincronizacion"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Sincronización" })).ToBeVisibleAsync();
        var items = Queue(page).GetByRole(AriaRole.Listitem);
        await Expect(items).ToHaveCountAsync(count - cutAt + 1);
        await Expect(items.First.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync($"Registrar productor: {producers[cutAt - 1].First} {producers[cutAt - 1].Last}");
        await Expect(items.First).ToContainTextAsync("pendiente");

        // Resumed: the cut registration is sent again with its key and the server answers the stored response.
        await GoOnlineAsync(context, watch);
        await Expect(Indicator(page)).ToHaveTextAsync("Sin cambios pendientes", new() { Timeout = 60_000 });
        await Expect(page.GetByText("No hay cambios pendientes: todo está enviado.")).ToBeVisibleAsync();
        List<(string Key, int Status, string? Replayed)> log;
        lock (sent) log = [.. sent];
        foreach (var entry in log) output.WriteLine($"POST /api/producers key={entry.Key} status={entry.Status} replayed={entry.Replayed}");
        var withCutKey = log.Where(s => s.Key == droppedKey).ToList();
        Assert.Equal(2, withCutKey.Count);
        Assert.Null(withCutKey[0].Replayed);
        Assert.Equal("true", withCutKey[1].Replayed);
        Assert.Equal(201, withCutKey[1].Status);
        Assert.Equal(count, log.Select(s => s.Key).Distinct().Count());
        Assert.Equal(count + 1, log.Count); // nothing else was sent twice

        foreach (var (dni, first, _) in producers)
        {
            var found = await ProducersWithDniAsync(api, dni);
            Assert.True(found.Count == 1, $"{first} ({dni}): {found.Count} producers");
        }
        watch.AssertNothingLeaked(output);
        await context.CloseAsync();
    }

    [Fact]
    public async Task An_offline_edit_that_meets_a_supervisors_edit_waits_as_a_conflict_with_both_versions_until_the_specialist_decides()
    {
        SetDefaultExpectTimeout(30_000);
        using var rosaApi = await stack.SignedInAsync(Specialist, stack.StaffPassword);
        var producer = await RegisterThroughApiAsync(rosaApi, $"Conflicto {RandomNumberGenerator.GetHexString(4)}");
        var id = producer.GetProperty("id").GetString()!;
        var name = $"{producer.GetProperty("firstNames").GetString()} {producer.GetProperty("lastNames").GetString()}";

        var (rosaContext, rosa, watch) = await SignedInAsync(Specialist);
        var (carmenContext, carmen, _) = await SignedInAsync(Supervisor);

        // 1. "Mantener mis cambios": her phone replaces the supervisor's, on the version she now saw.
        await OfflineEditMeetsOnlineEditAsync(rosaContext, rosa, watch, carmen, id, name, mine: "984 111 222", theirs: "984 333 444");
        Assert.Equal("984 333 444", await PhoneAsync(rosaApi, id)); // nothing overwritten
        await rosa.GetByRole(AriaRole.Button, new() { Name = "Mantener mis cambios" }).ClickAsync();
        await Expect(Indicator(rosa)).ToHaveTextAsync("Sin cambios pendientes");
        await Expect(rosa.GetByText("No hay cambios pendientes: todo está enviado.")).ToBeVisibleAsync();
        Assert.Equal("984 111 222", await PhoneAsync(rosaApi, id));

        // 2. "Descartar mis cambios": the supervisor's phone stays.
        await OfflineEditMeetsOnlineEditAsync(rosaContext, rosa, watch, carmen, id, name, mine: "984 555 666", theirs: "984 777 888");
        Assert.Equal("984 777 888", await PhoneAsync(rosaApi, id));
        await rosa.GetByRole(AriaRole.Button, new() { Name = "Descartar mis cambios" }).ClickAsync();
        await rosa.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Descartar el cambio" }).ClickAsync();
        await Expect(Indicator(rosa)).ToHaveTextAsync("Sin cambios pendientes");
        await Expect(rosa.GetByText("No hay cambios pendientes: todo está enviado.")).ToBeVisibleAsync();
        Assert.Equal("984 777 888", await PhoneAsync(rosaApi, id));

        watch.AssertNothingLeaked(output);
        await rosaContext.CloseAsync();
        await carmenContext.CloseAsync();
    }

    /// <summary>
    /// The specialist reads the producer online, goes offline and changes its phone to <paramref name="mine"/>; the
    /// supervisor changes it online to <paramref name="theirs"/>; the specialist comes back online and finds the
    /// conflict on /sincronizacion, with both phones side by side.
    /// </summary>
    private async Task OfflineEditMeetsOnlineEditAsync(IBrowserContext rosaContext, IPage rosa, OfflineWatch watch, IPage carmen, string id, string name, string mine, string theirs)
    {
        await rosa.GotoAsync(Url($"/productores/{id}"));
        await Expect(rosa.GetByRole(AriaRole.Heading, new() { Level = 1, Name = name })).ToBeVisibleAsync();
        await rosa.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await GoOfflineAsync(rosaContext, rosa, watch);
        await EditPhoneAsync(rosa, mine);
        await Expect(rosa.GetByText("Guardado en este dispositivo: se enviará cuando vuelva la conexión.")).ToBeVisibleAsync();
        await Expect(Indicator(rosa)).ToHaveTextAsync("1 cambio pendiente");

        await carmen.GotoAsync(Url($"/productores/{id}"));
        await Expect(carmen.GetByRole(AriaRole.Heading, new() { Level = 1, Name = name })).ToBeVisibleAsync();
        await EditPhoneAsync(carmen, theirs);
        await Expect(carmen.GetByText("Cambios guardados.")).ToBeVisibleAsync();

        await GoOnlineAsync(rosaContext, watch);
        await Expect(Indicator(rosa)).ToHaveTextAsync("1 cambio pendiente · 1 por revisar");
        await Indicator(rosa).ClickAsync();
        var item = Queue(rosa).GetByRole(AriaRole.Listitem);
        await Expect(item).ToHaveCountAsync(1);
        await Expect(item.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync($"Editar productor: {name}");
        await Expect(item).ToContainTextAsync("conflicto");
        await Expect(rosa.GetByText("En conflicto: 1")).ToBeVisibleAsync();
        var table = rosa.GetByRole(AriaRole.Table, new() { Name = "Su versión y la del servidor, campo por campo" });
        var phone = table.GetByRole(AriaRole.Row).Filter(new() { Has = rosa.GetByRole(AriaRole.Rowheader, new() { Name = "Teléfono", Exact = true }) });
        await Expect(phone.GetByRole(AriaRole.Cell)).ToHaveTextAsync([mine, theirs, "Distinto"]);
        var firstNames = table.GetByRole(AriaRole.Row).Filter(new() { Has = rosa.GetByRole(AriaRole.Rowheader, new() { Name = "Nombres", Exact = true }) });
        await Expect(firstNames.GetByRole(AriaRole.Cell).Last).ToHaveTextAsync("Igual");
    }

    private static async Task EditPhoneAsync(IPage page, string phone)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Editar datos" }).ClickAsync();
        await page.GetByLabel(Label("Teléfono")).FillAsync(phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "Guardar", Exact = true }).ClickAsync();
    }

    // ---- the browser ----

    /// <summary>A context of its own, signed in, its page controlled by the service worker and the network quiet.</summary>
    private async Task<(IBrowserContext Context, IPage Page, OfflineWatch Watch)> SignedInAsync(string email)
    {
        var context = await NewContextAsync(new() { Locale = "es-PE", ServiceWorkers = ServiceWorkerPolicy.Allow });
        var watch = new OfflineWatch(context);
        var page = await context.NewPageAsync();
        await page.SignInAsync(stack, email, stack.StaffPassword);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cerrar sesión" })).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null", null, new() { Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return (context, page, watch);
    }

    private static async Task GoOfflineAsync(IBrowserContext context, IPage page, OfflineWatch watch)
    {
        await watch.SetOfflineAsync(context, true);
        await Expect(page.GetByText(Banner)).ToBeVisibleAsync();
    }

    private static Task GoOnlineAsync(IBrowserContext context, OfflineWatch watch) => watch.SetOfflineAsync(context, false);

    /// <summary>Cusco, then the first province and its first district (Cusco's districts are then in the worker's cache).</summary>
    private static async Task ChoosePlaceAsync(IPage page)
    {
        await page.GetByLabel(Label("Departamento")).SelectOptionAsync(new SelectOptionValue { Label = "Cusco" });
        var province = page.GetByLabel(Label("Provincia"));
        await Expect(province).ToBeEnabledAsync();
        await Expect(province.Locator("option")).Not.ToHaveCountAsync(1);
        await province.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        var district = page.GetByLabel(Label("Distrito"));
        await Expect(district.Locator("option")).Not.ToHaveCountAsync(1);
        await district.SelectOptionAsync(new SelectOptionValue { Index = 1 });
    }

    private static async Task FillProducerAsync(IPage page, string dni, string first, string last)
    {
        var dniBox = page.GetByLabel(Label("DNI"));
        await Expect(dniBox).ToHaveValueAsync(""); // a fresh form for the next producer
        await dniBox.FillAsync(dni);
        await page.GetByLabel(Label("Nombres")).FillAsync(first);
        await page.GetByLabel(Label("Apellidos")).FillAsync(last);
        await page.GetByLabel(Label("Sexo")).SelectOptionAsync(new SelectOptionValue { Label = "Mujer" });
        await page.GetByLabel(Label("Año de nacimiento")).FillAsync("1980");
        await page.GetByLabel(Label("El productor consintió")).CheckAsync();
    }

    private static ILocator Indicator(IPage page) => page.GetByRole(AriaRole.Link, new() { NameRegex = IndicatorText() });

    private static ILocator Queue(IPage page) => page.GetByRole(AriaRole.List, new() { Name = "Cambios en cola, en el orden en que se enviarán" });

    private static Regex Label(string start) => new($"^{Regex.Escape(start)}");

    private string Url(string path) => new Uri(stack.Gateway, path).ToString();

    // ---- the API ----

    private static async Task<(string Id, string Name, string Period)> NetworkWithAFreeMonthAsync(HttpClient api)
    {
        var work = await (await api.GetAsync("api/networks/my-work")).ReadAsync<JsonElement>();
        var network = work.GetProperty("networks").EnumerateArray().First();
        var id = network.GetProperty("id").GetString()!;
        var recorded = await MonitoringPeriodsAsync(api, id);
        var peru = DateTime.UtcNow.AddHours(-5);
        var month = new DateTime(peru.Year, peru.Month, 1).AddMonths(-1);
        while (recorded.Any(p => p.StartsWith(month.ToString("yyyy-MM"), StringComparison.Ordinal))) month = month.AddMonths(-1);
        return (id, network.GetProperty("name").GetString()!, month.ToString("yyyy-MM"));
    }

    private static async Task<List<string>> MonitoringPeriodsAsync(HttpClient api, string networkId)
    {
        var overview = await (await api.GetAsync($"api/networks/{networkId}/monitoring")).ReadAsync<JsonElement>();
        return [.. overview.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("period").GetString()!)];
    }

    private static async Task<List<JsonElement>> ProducersWithDniAsync(HttpClient api, string dni)
    {
        var page = await (await api.GetAsync($"api/producers?Search={dni[..8]}&PageSize=50")).ReadAsync<JsonElement>();
        return [.. page.GetProperty("items").EnumerateArray().Where(p => p.GetProperty("dni").GetString() == dni[..8])];
    }

    private static async Task<string?> PhoneAsync(HttpClient api, string id) =>
        (await (await api.GetAsync($"api/producers/{id}")).ReadAsync<JsonElement>()).GetProperty("phone").GetString();

    private static async Task<JsonElement> RegisterThroughApiAsync(HttpClient api, string lastNames)
    {
        var districts = await (await api.GetAsync("api/places/districts?region=PE-CUS&PageSize=5")).ReadAsync<JsonElement>();
        var district = districts.GetProperty("items")[0].GetProperty("code").GetString();
        var response = await api.PostAsJsonAsync("api/producers", new
        {
            dni = NewDni()[..8], firstNames = "Justina", lastNames, gender = "Female", birthYear = 1975, districtCode = district,
            phone = "984 000 000", consentGiven = true, consentDate = DateTime.UtcNow.AddHours(-5).AddDays(-10).ToString("yyyy-MM-dd"),
        });
        return await response.ReadAsync<JsonElement>();
    }

    /// <summary>A DNI no other test uses, typed as printed on the card: 8 digits and the (numeric) check character.</summary>
    private static string NewDni()
    {
        int[] weights = [3, 2, 7, 6, 5, 4, 3, 2];
        var digits = RandomNumberGenerator.GetInt32(10_000_000, 100_000_000).ToString();
        var index = 11 - digits.Select((d, i) => (d - '0') * weights[i]).Sum() % 11;
        return digits + "67890112345"[index == 11 ? 0 : index];
    }

    [GeneratedRegex(@"^(\d+ cambios? pendientes?|Sin cambios pendientes)")]
    private static partial Regex IndicatorText();

    /// <summary>
    /// Sets the context offline or online and checks that offline really reaches the service worker: a request made by
    /// the worker that finishes (gets an answer from the network) while the context is offline is a leak.
    /// </summary>
    private sealed class OfflineWatch
    {
        private readonly List<string> _leaks = [];
        public bool Offline { get; private set; }

        public OfflineWatch(IBrowserContext context)
        {
            context.RequestFinished += (_, request) =>
            {
                if (!FromServiceWorker(request)) return;
                Interlocked.Increment(ref _workerRequests);
                if (Offline) lock (_leaks) _leaks.Add(request.Url);
            };
        }

        private int _workerRequests;

        /// <summary>Requests the worker made that reached the network (Playwright reports them in Chromium).</summary>
        public int WorkerRequests => _workerRequests;

        /// <summary>A request of the service worker has no frame (Playwright's .NET API has no IRequest.ServiceWorker).</summary>
        private static bool FromServiceWorker(IRequest request)
        {
            if (request.IsNavigationRequest) return false;
            try { return request.Frame is null; }
            catch (PlaywrightException) { return true; }
        }

        public async Task SetOfflineAsync(IBrowserContext context, bool offline)
        {
            Offline = offline;
            await context.SetOfflineAsync(offline);
        }

        public void AssertNothingLeaked(ITestOutputHelper output)
        {
            output.WriteLine($"Requests of the service worker answered by the network (online): {WorkerRequests}");
            lock (_leaks) Assert.True(_leaks.Count == 0, "The service worker reached the network while offline: " + string.Join(", ", _leaks));
        }
    }
}
