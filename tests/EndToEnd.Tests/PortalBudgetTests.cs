using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.Playwright;
using RedesPlataforma.Testing;
using Xunit.Abstractions;

namespace RedesPlataforma.EndToEnd.Tests;

/// <summary>
/// The portal's JavaScript budget on the real stack in Chromium: what the first page needs before it can be used to sign
/// in. (Its speed on a slow link is a bench, bench/Portal.Bench, not a timed test.)
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class PortalBudgetTests(LocalStack stack, Chromium chromium, ITestOutputHelper output) : IClassFixture<Chromium>
{
    private const int JavaScriptBudgetBytes = 170 * 1024;

    [Fact]
    public async Task The_first_page_needs_at_most_170_KB_of_gzipped_JavaScript_before_signing_in_is_possible()
    {
        var page = await chromium.NewPageAsync();
        var scripts = new ConcurrentDictionary<string, bool>();
        page.Request += (_, request) => { if (request.ResourceType == "script") scripts[new Uri(request.Url).AbsolutePath] = true; };

        await page.GotoAsync(stack.Gateway.ToString());
        // Waited for in the page (every animation frame), so the count stops when the link shows, not at the next poll.
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Iniciar sesión" }).WaitForAsync(new() { State = WaitForSelectorState.Visible });

        var loaded = scripts.Keys.ToList(); // now: what the page fetches afterwards, while the visitor reads, does not count
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
