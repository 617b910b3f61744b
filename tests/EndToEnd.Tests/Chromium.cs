using Microsoft.Playwright;

namespace RedesPlataforma.EndToEnd.Tests;

/// <summary>
/// Debian's Chromium (package <c>chromium</c>, installed by deploy/local/infra.sh), driven by Playwright. Playwright's
/// own browser downloads are never used: the machines reach no download host, only package registries.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"{ExecutablePath} is missing; `bash deploy/local/infra.sh start` installs Debian's chromium package.");
        _playwright = await Playwright.CreateAsync();
        // Port 6000 (X11) is on Chromium's list of unsafe ports, and it is the gateway's with REDES_E2E_PORT_OFFSET=900.
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = [$"--explicitly-allowed-ports={5100 + LocalStack.PortOffset}"],
        });
    }

    /// <summary>A fresh browser context per test: its own sessionStorage, so no test starts signed in.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { Locale = "es-PE", AcceptDownloads = true });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
