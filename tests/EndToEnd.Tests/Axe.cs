using System.Text.Json;
using Microsoft.Playwright;
using RedesPlataforma.Testing;

namespace RedesPlataforma.EndToEnd.Tests;

/// <summary>
/// axe-core (the npm package the portal's lockfile pins) run inside the page. Evaluated through the DevTools protocol,
/// which the page's CSP does not govern, so the page is checked exactly as it is served.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
        File.ReadAllText(Path.Combine(LocalInfrastructure.RepositoryRoot, "portal", "node_modules", "axe-core", "axe.min.js")));

    /// <summary>The serious and critical WCAG 2.x A/AA violations on the page as it stands, one line each.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        // Once per document: the second size checks the same document, and the script is half a megabyte to send and parse.
        if (await page.EvaluateAsync<bool>("typeof axe === 'undefined'")) await page.EvaluateAsync(Source.Value);
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
                resultTypes: ['violations'],
              });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
            }
            """);
        return [.. violations.EnumerateArray().Select(v => v.GetString()!)];
    }
}
