using Microsoft.Playwright;

namespace RedesPlataforma.EndToEnd.Tests;

/// <summary>
/// Debian's Chromium (package <c>chromium</c>, installed by deploy/local/infra.sh), driven by Playwright: one browser
/// for the whole collection, started when a test first asks for a context (the containers' run of the suite asks for
/// none). Playwright's own browser downloads are never used: the machines reach no download host, only package
/// registries. Each test's contexts are its own and close when it ends (<see cref="BrowserTest"/>).
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly Lazy<Task<(IPlaywright Playwright, IBrowser Browser)>> _started = new(StartAsync);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options) =>
        await (await _started.Value).Browser.NewContextAsync(options);

    private static async Task<(IPlaywright, IBrowser)> StartAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"{ExecutablePath} is missing; `bash deploy/local/infra.sh start` installs Debian's chromium package.");
        var playwright = await Playwright.CreateAsync();
        // Port 6000 (X11) is on Chromium's list of unsafe ports, and it is the gateway's with REDES_E2E_PORT_OFFSET=900.
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = [$"--explicitly-allowed-ports={5100 + LocalStack.PortOffset}"],
        });
        return (playwright, browser);
    }

    public async Task DisposeAsync()
    {
        // Never started, or failed to (the tests that asked have already failed with the reason).
        if (!_started.IsValueCreated || !_started.Value.IsCompletedSuccessfully) return;
        var (playwright, browser) = await _started.Value;
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}

/// <summary>
/// A test that drives the portal in browser contexts of its own (each its own cookies, storage and service workers, so
/// no test starts signed in), closed when the test ends: none of its pages (an offline queue retrying, a service
/// worker) runs on into the next test on the shared browser.
/// </summary>
public abstract class BrowserTest(Chromium chromium) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    protected async Task<IPage> NewPageAsync() =>
        await (await NewContextAsync(new() { Locale = "es-PE", AcceptDownloads = true })).NewPageAsync();

    protected async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        var context = await chromium.NewContextAsync(options);
        _contexts.Add(context);
        return context;
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
    }
}
