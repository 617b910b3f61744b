using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;
using RedesPlataforma.Bench;

// bench/Portal.Bench <gateway> <staff password> [dashboard|sync|startup|all] [runs]: the portal in Debian's Chromium
// (Playwright) against a running stack. Scenarios (docs/performance.md, "Portal"):
//   dashboard  each run a fresh profile at 400 kbit/s, 400 ms latency signs in as Agro Rural's supervisor from /panel and
//              is timed from pressing "Ingresar" until the dashboard's key figures show the producers total (10 runs)
//   sync       a specialist offline with 200 changes queued, then online at 400 kbit/s, 400 ms: time until the queue is
//              empty, per-change round trips, and the server's count of what arrived (3 runs)
//   startup    the installed app (same profile, worker and caches) opened offline on /mi-trabajo and /productores (10 runs)
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Portal.Bench <gateway url> <staff password> [dashboard|sync|startup|all] [runs]");
    return 2;
}
var gateway = new Uri(args[0]);
var password = args[1];
var scenario = args.Length > 2 ? args[2] : "dashboard";
int? runsArg = args.Length > 3 ? int.Parse(args[3]) : null;
const string Supervisor = "carmen.huaman@agrorural.demo.pe";
const string Specialist = "rosa.quispe@agrorural.demo.pe";
const double Budget = 2_500;
// The seed's 1,543 producers; the sync scenario adds 190 per run, so on a stack it already ran on, say the total here.
var producersTotal = Environment.GetEnvironmentVariable("PORTAL_BENCH_PRODUCERS_TOTAL") ?? "1,543";
var slowLink = new Dictionary<string, object>
{
    ["offline"] = false, ["latency"] = 400, ["downloadThroughput"] = 400_000 / 8, ["uploadThroughput"] = 400_000 / 8,
};

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true });

var ok = true;
if (scenario is "dashboard" or "all") await DashboardAsync(runsArg ?? 10);
if (scenario is "sync" or "all") ok &= await SyncAsync(runsArg ?? 3);
if (scenario is "startup" or "all") await StartupAsync(runsArg ?? 10);
return ok ? 0 : 1;

// ---- sign-in ----

async Task SignInAsync(IPage page, string path, string email)
{
    // Signed out, /panel or /mi-trabajo sends to the landing page with a returnUrl; the sign-in returns there.
    await page.GotoAsync(new Uri(gateway, path).ToString(), new() { Timeout = 60_000 });
    await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 60_000 });
    await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Iniciar sesión" }).ClickAsync();
    await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 60_000 });
    await page.GetByLabel("Correo electrónico").FillAsync(email);
    await page.GetByLabel("Contraseña").FillAsync(password);
}

// ---- dashboard ----

async Task DashboardAsync(int runs)
{
    Console.WriteLine($"Portal: sign-in to dashboard at 400 kbit/s, 400 ms latency; {runs} runs (+1 warm-up); load {Machine.LoadAverage()}");
    var drawn = new List<double>();
    var sessions = new List<double>();
    for (var run = 0; run <= runs; run++)
    {
        var (toDashboard, toSession) = await SignInToDashboardAsync();
        if (run == 0) continue; // the stack's first requests after the seed warm its caches
        drawn.Add(toDashboard);
        sessions.Add(toSession);
        Console.WriteLine($"  run {run,2}: session {toSession,6:N0} ms, key figures drawn {toDashboard,6:N0} ms");
    }
    var d = Percentiles.Of(drawn);
    var s = Percentiles.Of(sessions);
    Console.WriteLine($"session established  p50 {s.P50,6:N0} ms  max {s.Max,6:N0} ms");
    Console.WriteLine($"dashboard drawn      p50 {d.P50,6:N0} ms  p95 {d.P95,6:N0} ms  max {d.Max,6:N0} ms  (budget {Budget:N0} ms: {(d.P95 <= Budget ? "met" : "missed")} at p95)");
    Console.WriteLine($"load after: {Machine.LoadAverage()}");
}

async Task<(double Drawn, double Session)> SignInToDashboardAsync()
{
    await using var context = await browser.NewContextAsync(new() { Locale = "es-PE" });
    var page = await context.NewPageAsync();
    var cdp = await context.NewCDPSessionAsync(page);
    await cdp.SendAsync("Network.enable");
    await cdp.SendAsync("Network.emulateNetworkConditions", slowLink);

    // Supervisors land on /mi-trabajo after sign-in; starting from /panel returns there.
    await SignInAsync(page, "panel", Supervisor);
    await page.AddInitScriptAsync("""
        new MutationObserver((_, observer) => {
          const figures = document.getElementById('key-figures-title')?.closest('section');
          if (figures?.textContent.includes('__TOTAL__')) { sessionStorage.setItem('drawnAt', String(Date.now())); observer.disconnect(); }
        }).observe(document, { childList: true, subtree: true, characterData: true });
        """.Replace("__TOTAL__", producersTotal));
    var clock = Stopwatch.StartNew();
    var session = 0.0;
    page.Response += (_, response) => { if (response.Url.Contains("/bff/callback")) session = clock.Elapsed.TotalMilliseconds; };
    var pressedAt = await page.EvaluateAsync<double>("() => Date.now()");
    await page.GetByRole(AriaRole.Button, new() { Name = "Ingresar" }).ClickAsync();
    try
    {
        await page.GetByRole(AriaRole.Region, new() { Name = "Cifras clave" }).GetByText(producersTotal)
            .WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 60_000 });
    }
    catch (TimeoutException)
    {
        Console.Error.WriteLine($"dashboard not drawn: at {page.Url}, h1 {string.Join(" | ", await page.Locator("h1").AllInnerTextsAsync())}; key figures: {string.Join(" | ", await page.GetByRole(AriaRole.Region, new() { Name = "Cifras clave" }).AllInnerTextsAsync())}");
        throw;
    }
    var drawnAt = double.Parse(await page.EvaluateAsync<string>("() => sessionStorage.getItem('drawnAt')"));
    return (drawnAt - pressedAt, session);
}

// ---- sync of 200 queued changes ----

async Task<bool> SyncAsync(int runs)
{
    const int Total = 200, Edits = 20, Monitoring = 10;
    Console.WriteLine($"Portal: sync of {Total} queued changes at 400 kbit/s, 400 ms latency; {runs} runs; load {Machine.LoadAverage()}");
    var all = true;
    var totals = new List<double>();
    for (var run = 1; run <= runs; run++)
    {
        await using var context = await browser.NewContextAsync(new() { Locale = "es-PE" });
        var page = await context.NewPageAsync();
        await OpenMyWorkWithItsWorkerAsync(page);

        // Online set-up (not timed): fresh producers to edit offline, the specialist's networks, a district.
        var tag = $"{(char)('a' + Random.Shared.Next(26))}{(char)('a' + Random.Shared.Next(26))}{(char)('a' + Random.Shared.Next(26))}{(char)('a' + Random.Shared.Next(26))}";
        var dniBase = 60_000_000 + Random.Shared.Next(0, 3_000) * 1_000;
        var setup = await page.EvaluateAsync<JsonElement>(Scripts.SetupScript, new { tag, dniBase, edits = Edits });
        var networks = setup.GetProperty("networks").GetArrayLength();
        var monitoring = networks == 0 ? 0 : Monitoring;
        var registrations = Total - Edits - monitoring;

        // Offline: the queue filled through IndexedDB exactly as the page's enqueue() stores writes (queue.ts).
        await context.SetOfflineAsync(true);
        await page.GetByText("Sin conexión").First.WaitForAsync(new() { Timeout = 10_000 });
        var year = 2000 + run; // monitoring periods nobody has recorded: one month each, on the specialist's networks
        var queued = await page.EvaluateAsync<int>(Scripts.QueueScript, new { setup = setup.GetRawText(), tag, dniBase, registrations, monitoring, year });
        // Reloaded offline (the worker answers): the queue is still there and the header counts it.
        await page.ReloadAsync(new() { Timeout = 60_000 });
        await page.GetByText($"{queued} cambios pendientes").First.WaitForAsync(new() { Timeout = 30_000 });

        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", slowLink);
        var clock = new Stopwatch();
        var started = new Dictionary<IRequest, double>();
        var trips = new List<double>();
        var statuses = new Dictionary<int, int>();
        page.Request += (_, request) =>
        {
            if (request.Method is "POST" or "PUT" && request.Url.Contains("/api/")) lock (started) started[request] = clock.Elapsed.TotalMilliseconds;
        };
        page.RequestFinished += async (_, request) =>
        {
            double at;
            lock (started) { if (!started.Remove(request, out at)) return; }
            var end = clock.Elapsed.TotalMilliseconds;
            var status = (await request.ResponseAsync())?.Status ?? 0;
            lock (started) { trips.Add(end - at); statuses[status] = statuses.GetValueOrDefault(status) + 1; }
        };
        page.RequestFailed += (_, request) => { lock (started) { if (started.Remove(request)) statuses[0] = statuses.GetValueOrDefault(0) + 1; } };

        clock.Start();
        await context.SetOfflineAsync(false); // fires `online`: the sync starts at once
        await cdp.SendAsync("Network.emulateNetworkConditions", slowLink); // again, in case going online reset it
        await page.GetByText("Sin cambios pendientes").First.WaitForAsync(new() { Timeout = 15 * 60_000 });
        var elapsed = clock.Elapsed.TotalMilliseconds;
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false, ["latency"] = 0, ["downloadThroughput"] = -1, ["uploadThroughput"] = -1,
        });
        await Task.Delay(500);

        var check = await page.EvaluateAsync<JsonElement>(Scripts.VerifyScript, new { setup = setup.GetRawText(), tag, year });
        var producers = check.GetProperty("registered").GetInt32();
        var edited = check.GetProperty("edited").GetInt32();
        var records = check.GetProperty("records").GetInt32();
        var left = check.GetProperty("queueLeft").GetInt32();
        var exact = producers == registrations && edited == Edits && records == monitoring && left == 0;
        all &= exact;
        totals.Add(elapsed);
        List<double> rt; string codes;
        lock (started) { rt = [.. trips]; codes = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")); }
        var p = Percentiles.Of(rt);
        Console.WriteLine($"  run {run}: {queued} changes ({registrations} registrations, {Edits} edits with If-Match, {monitoring} monitoring records on {networks} networks) "
            + $"synced in {elapsed / 1000:N1} s = {queued / (elapsed / 1000):N2} changes/s; round trip per change p50 {p.P50:N0} ms p95 {p.P95:N0} ms "
            + $"min {rt.DefaultIfEmpty(double.NaN).Min():N0} max {p.Max:N0} ms; requests {rt.Count} ({codes}); load {Machine.LoadAverage()}");
        Console.WriteLine($"         server: {producers}/{registrations} registrations (by the run's name), {edited}/{Edits} edits applied (new phone, new version), "
            + $"{records}/{monitoring} monitoring records; queue left {left} → {(exact ? "each change exactly once" : "MISMATCH")}");
    }
    var t = Percentiles.Of(totals);
    Console.WriteLine($"sync of {Total} changes   p50 {t.P50 / 1000:N1} s  max {t.Max / 1000:N1} s  ({runs} runs); load after {Machine.LoadAverage()}");
    return all;
}

// ---- start-up offline ----

// The specialist signed in on "Mi trabajo", with the service worker in control and the first page's requests done.
async Task OpenMyWorkWithItsWorkerAsync(IPage page)
{
    await SignInAsync(page, "mi-trabajo", Specialist);
    await page.GetByRole(AriaRole.Button, new() { Name = "Ingresar" }).ClickAsync();
    await page.GetByRole(AriaRole.Heading, new() { Name = "Mi trabajo", Level = 1 }).WaitForAsync(new() { Timeout = 60_000 });
    await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null", null, new() { Timeout = 120_000 });
    await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 60_000 });
}

async Task StartupAsync(int runs)
{
    Console.WriteLine($"Portal: start-up of the installed app offline (same profile; worker and caches from one online visit); {runs} runs per page; load {Machine.LoadAverage()}");
    await using var context = await browser.NewContextAsync(new() { Locale = "es-PE" });
    var page = await context.NewPageAsync();
    await OpenMyWorkWithItsWorkerAsync(page);
    await page.GotoAsync(new Uri(gateway, "productores").ToString());
    await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 60_000 });
    await page.GotoAsync(new Uri(gateway, "mi-trabajo").ToString());
    await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 60_000 });
    var caches = await page.EvaluateAsync<JsonElement>(Scripts.CachesScript);
    foreach (var cache in caches.EnumerateArray())
        Console.WriteLine($"  cache {cache.GetProperty("name").GetString(),-28} {cache.GetProperty("entries").GetInt32(),4} entries {cache.GetProperty("bytes").GetDouble(),12:N0} bytes (decoded bodies)");
    await page.CloseAsync();

    await context.SetOfflineAsync(true);
    await context.AddInitScriptAsync(Scripts.DrawnScript);
    foreach (var (path, what) in new[] { ("mi-trabajo", "h1 + my networks"), ("productores", "h1 + producers table") })
    {
        var drawn = new List<double>();
        var loaded = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var fresh = await context.NewPageAsync();
            await fresh.GotoAsync(new Uri(gateway, path).ToString(), new() { Timeout = 30_000 });
            await fresh.WaitForFunctionAsync("() => sessionStorage.getItem('drawnAt') !== null", null, new() { Timeout = 30_000 });
            var at = await fresh.EvaluateAsync<JsonElement>("() => ({ drawn: Number(sessionStorage.getItem('drawnAt')), controlled: navigator.serviceWorker.controller !== null, load: performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? 0 })");
            if (!at.GetProperty("controlled").GetBoolean()) throw new InvalidOperationException("the page was not controlled by the worker");
            drawn.Add(at.GetProperty("drawn").GetDouble());
            loaded.Add(at.GetProperty("load").GetDouble());
            await fresh.CloseAsync();
        }
        var d = Percentiles.Of(drawn);
        var l = Percentiles.Of(loaded);
        Console.WriteLine($"  /{path,-12} {what,-22} drawn p50 {d.P50,5:N0} ms  p95 {d.P95,5:N0} ms  max {d.Max,5:N0} ms  (first {drawn[0]:N0} ms; load event p50 {l.P50:N0} ms) from navigation start");
    }
    Console.WriteLine($"load after: {Machine.LoadAverage()}");
}

// ---- in-page scripts ----

static class Scripts
{

    public const string SetupScript = """
async ({ tag, dniBase, edits }) => {
  const json = async (path, init) => {
    const response = await fetch(path, { credentials: 'same-origin', ...init });
    if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
    return { body: await response.json(), etag: response.headers.get('ETag') };
  };
  const user = (await json('/bff/user')).body;
  const work = (await json('/api/networks/my-work')).body;
  const sample = (await json('/api/producers?pageSize=1')).body.items[0];
  const district = (await json(`/api/producers/${sample.id}`)).body.districtCode;
  const toEdit = [];
  for (let i = 0; i < edits; i++) {
    const body = { dni: String(dniBase + 900 + i), firstNames: 'Editable', lastNames: `Sincro ${tag} ${i}`, gender: 'Female', birthYear: 1980,
      districtCode: district, districtCoding: 'Inei', phone: null, consentGiven: true, consentDate: '2026-01-15' };
    const created = await json('/api/producers', { method: 'POST', body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', 'X-CSRF': '1', 'Idempotency-Key': crypto.randomUUID() } });
    toEdit.push({ id: created.body.id, version: created.etag ?? created.body.version, body });
  }
  return { userId: user.id, district, toEdit, networks: work.networks.map((n) => ({ id: n.id, name: n.name })) };
}
""";

    public const string QueueScript = """
async ({ setup, tag, dniBase, registrations, monitoring, year }) => {
  setup = JSON.parse(setup);
  const database = await new Promise((resolve, reject) => {
    const open = indexedDB.open('redes-offline');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const writes = [];
  const item = (write) => ({ ...write, userId: setup.userId, idempotencyKey: crypto.randomUUID(), queuedAt: new Date().toISOString(), state: 'pending', attempts: 0 });
  const name = (b) => `${b.firstNames} ${b.lastNames}`;
  // The mix in field order: registrations, with an edit every 9th change and a monitoring record every 18th.
  let r = 0, e = 0, m = 0;
  const total = registrations + setup.toEdit.length + monitoring;
  for (let i = 0; i < total; i++) {
    if (e < setup.toEdit.length && (i % 9 === 4 || r >= registrations) && (m >= monitoring || i % 18 !== 13)) {
      const target = setup.toEdit[e++];
      const body = { ...target.body, phone: `+51 900 ${String(e).padStart(3, '0')} 000` };
      writes.push(item({ method: 'PUT', path: `/api/producers/${target.id}`, body, ifMatch: target.version,
        label: { key: 'offline:label.editProducer', values: { name: name(body) } }, entity: { kind: 'producer', id: target.id } }));
    } else if (m < monitoring && (i % 18 === 13 || r >= registrations)) {
      const network = setup.networks[m % setup.networks.length];
      const period = `${year}-${String(Math.floor(m / setup.networks.length) + 1).padStart(2, '0')}-01`;
      m++;
      const body = { period, salesPen: 1250.5 + m, volume: 300 + m, volumeUnit: 'kg', productivity: 1.8, productivityUnit: 't/ha',
        postHarvestPractices: ['Selección', 'Secado'], marketChannels: ['Feria local'], averageMemberNetIncomePen: 820 + m, evidenceIds: [] };
      writes.push(item({ method: 'POST', path: `/api/networks/${network.id}/monitoring`, body,
        label: { key: 'offline:label.recordMonitoring', values: { period: period.slice(0, 7), network: network.name } },
        entity: { kind: 'monitoring', id: period, networkId: network.id } }));
    } else {
      const body = { dni: String(dniBase + r), firstNames: r % 2 ? 'Juana Rosa' : 'Teodoro', lastNames: `Sincro ${tag} Mamani ${r}`,
        gender: r % 2 ? 'Female' : 'Male', birthYear: 1960 + (r % 40), districtCode: setup.district, districtCoding: 'Inei',
        phone: null, consentGiven: true, consentDate: '2026-11-20' };
      r++;
      writes.push(item({ method: 'POST', path: '/api/producers', body,
        label: { key: 'offline:label.registerProducer', values: { name: name(body) } }, entity: { kind: 'producer' } }));
    }
  }
  const transaction = database.transaction('writes', 'readwrite');
  for (const write of writes) transaction.objectStore('writes').add(write);
  await new Promise((resolve, reject) => { transaction.oncomplete = resolve; transaction.onerror = () => reject(transaction.error); });
  database.close();
  return writes.length;
}
""";

    public const string VerifyScript = """
async ({ setup, tag, year }) => {
  setup = JSON.parse(setup);
  const get = async (path) => {
    const response = await fetch(path, { credentials: 'same-origin', cache: 'no-store' });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
    return response.json();
  };
  const registered = (await get(`/api/producers?search=${encodeURIComponent(`Sincro ${tag} Mamani`)}&pageSize=1`)).totalCount;
  let edited = 0;
  for (const [i, target] of setup.toEdit.entries()) {
    const now = await get(`/api/producers/${target.id}`);
    const expected = `+51 900 ${String(i + 1).padStart(3, '0')} 000`.replace(/\D/g, '');
    if ((now.phone ?? '').replace(/\D/g, '') === expected && `"${now.version}"` !== target.version && now.version !== target.version) edited++;
  }
  let records = 0;
  for (const network of setup.networks) {
    const overview = await get(`/api/networks/${network.id}/monitoring`);
    records += overview.records.filter((record) => String(record.period).startsWith(`${year}-`)).length;
  }
  const database = await new Promise((resolve, reject) => {
    const open = indexedDB.open('redes-offline');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const queueLeft = await new Promise((resolve) => { const c = database.transaction('writes').objectStore('writes').count(); c.onsuccess = () => resolve(c.result); });
  database.close();
  return { registered, edited, records, queueLeft };
}
""";

    public const string CachesScript = """
async () => {
  const out = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    let bytes = 0, entries = 0;
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      if (response) { bytes += (await response.blob()).size; entries++; }
    }
    out.push({ name, entries, bytes });
  }
  return out;
}
""";

    // Stamps (in sessionStorage, ms from navigation start) when the page's h1 and its data are drawn.
    public const string DrawnScript = """
(() => {
  const drawn = () => {
    const h1 = document.querySelector('main h1')?.textContent ?? '';
    if (location.pathname === '/mi-trabajo') {
      const section = document.getElementById('work-networks')?.closest('section');
      return h1.includes('Mi trabajo') && !!section?.querySelector('a[href^="/redes/"]');
    }
    if (location.pathname === '/productores') {
      return h1.includes('Productores') && [...document.querySelectorAll('main table a[href^="/productores/"]')].length > 0;
    }
    return false;
  };
  new MutationObserver((_, observer) => {
    if (drawn()) { sessionStorage.setItem('drawnAt', String(performance.now())); observer.disconnect(); }
  }).observe(document, { childList: true, subtree: true, characterData: true });
})();
""";
}
