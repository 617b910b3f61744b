using System.IO.Compression;
using System.Text.Json;
using Microsoft.Playwright;
using RedesPlataforma.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace RedesPlataforma.EndToEnd.Tests;

/// <summary>
/// The portal's JavaScript budget on the real stack in Chromium: what the first page needs before it can be used to sign
/// in. (Its speed on a slow link is a bench, bench/Portal.Bench, not a timed test.)
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class PortalBudgetTests(LocalStack stack, Chromium chromium, ITestOutputHelper output) : BrowserTest(chromium)
{
    private const int JavaScriptBudgetBytes = 170 * 1024;

    [Fact]
    public async Task The_first_page_needs_at_most_170_KB_of_gzipped_JavaScript_before_signing_in_is_possible()
    {
        var page = await NewPageAsync();
        // Taken in the page the moment the sign-in link appears: the scripts fetched by then, and not those the page
        // fetches afterwards while the visitor reads (the home pages' code).
        await page.AddInitScriptAsync("""
            new MutationObserver((_, observer) => {
              if (!document.querySelector('main a[href^="/bff/login"]')) return;
              const scripts = performance.getEntriesByType('resource').map(e => new URL(e.name).pathname).filter(p => p.endsWith('.js'));
              sessionStorage.setItem('scriptsAtSignIn', JSON.stringify(scripts));
              observer.disconnect();
            }).observe(document, { childList: true, subtree: true });
            """);

        await page.GotoAsync(stack.Gateway.ToString());
        await Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Iniciar sesión" })).ToBeVisibleAsync();

        var loaded = JsonSerializer.Deserialize<List<string>>(await page.EvaluateAsync<string>("() => sessionStorage.getItem('scriptsAtSignIn')"))!.Distinct().ToList();
        var gzipped = loaded.Sum(GzippedSize);
        Report($"JavaScript before the sign-in link is usable: {loaded.Count} files, {gzipped / 1024.0:0.0} KB gzipped (budget 170 KB)");
        Assert.NotEmpty(loaded);
        Assert.True(gzipped <= JavaScriptBudgetBytes, $"{gzipped} bytes of gzipped JavaScript before sign-in; the budget is {JavaScriptBudgetBytes}.");
    }

    private void Report(string line)
    {
        output.WriteLine(line);
        Figures.Record("portal-budgets.txt", line);
    }

    /// <summary>The gzip size of a built file: the .gz the build wrote beside it, or gzip of the file if it is too small to have one.</summary>
    private static long GzippedSize(string path)
    {
        var file = Path.Combine(LocalInfrastructure.RepositoryRoot, "portal", "dist", path.TrimStart('/'));
        if (File.Exists(file + ".gz")) return new FileInfo(file + ".gz").Length;
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(File.ReadAllBytes(file));
        return buffer.Length;
    }
}
