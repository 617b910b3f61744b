using System.Text.Json;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using RedesPlataforma.Testing;

namespace RedesPlataforma.EndToEnd.Tests;

/// <summary>
/// The whole platform as a developer runs it: <c>deploy/local/up.sh</c> starts every service and the gateway as real
/// processes (on ports shifted by <see cref="PortOffset"/>, with databases of their own and a RabbitMQ virtual host of
/// their own, so a developer's stack keeps running beside it) and seeds the demo data through the public API. Every run
/// starts from empty databases, with passwords made for the run.
/// </summary>
public sealed class LocalStack : IAsyncLifetime
{
    /// <summary>300 unless REDES_E2E_PORT_OFFSET says otherwise, so two checkouts on one machine can each run the suite.</summary>
    public static readonly int PortOffset = int.TryParse(Environment.GetEnvironmentVariable("REDES_E2E_PORT_OFFSET"), out var offset) ? offset : 300;
    private static readonly string DatabaseSuffix = PortOffset == 300 ? "_e2e" : $"_e2e{PortOffset}";
    private static readonly string[] Databases = ["redes_tenants", "redes_networks", "redes_financing", "redes_reporting"];

    public string NationalPassword { get; } = NewPassword();
    public string AgroRuralAdminPassword { get; } = NewPassword();
    public string AndinaAdminPassword { get; } = NewPassword();
    public string StaffPassword { get; } = NewPassword();

    public Uri Gateway { get; } = new($"http://127.0.0.1:{5100 + PortOffset}/");

    /// <summary>Where this stack's Tenants service writes the e-mails it sends (no SMTP server locally).</summary>
    public string MailFolder { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("REDES_LOCAL_STATE_DIR") is { Length: > 0 } state ? state : Path.Combine(LocalInfrastructure.RepositoryRoot, ".local"),
        $"stack-{PortOffset}", "mail");

    public async Task InitializeAsync()
    {
        await TearDownAsync(); // what an interrupted earlier run left behind
        await RunAsync("deploy/local/up.sh", "--no-build");
    }

    public Task DisposeAsync() => TearDownAsync();

    public HttpClient Anonymous() => new() { BaseAddress = Gateway, Timeout = TimeSpan.FromSeconds(60) };

    public async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var client = Anonymous();
        var token = await client.SignInAsync(email, password);
        return client.Authorize(token.AccessToken);
    }

    /// <summary>Reporting catches up with the seed's events (and with the rebuild test) within seconds: wait for it through the API first.</summary>
    public async Task SettledAsync(string email, string password, string url, int producers, int? institutions = null)
    {
        using var client = await SignedInAsync(email, password);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            var summary = (await (await client.GetAsync(url)).ReadAsync<JsonElement>()).GetProperty("summary");
            if (Total(summary, "producers") >= producers && (institutions is null || Total(summary, "institutions") == institutions)) return;
            await Task.Delay(500);
        }
    }

    private static decimal? Total(JsonElement table, string figure)
    {
        var column = table.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("key").GetString()).ToList().IndexOf(figure);
        var value = table.GetProperty("total").GetProperty("values")[column];
        return value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;
    }

    private async Task TearDownAsync()
    {
        await RunAsync("deploy/local/down.sh", "--keep-infra");
        await RunAsync("deploy/local/db.sh", ["drop", .. Databases.Select(d => d + DatabaseSuffix)]);
        try { await TestVirtualHost.RabbitCtl(LocalInfrastructure.RabbitNode, "delete_vhost", $"stack-{PortOffset}"); }
        catch (InvalidOperationException) { } // no such virtual host yet
    }

    private async Task RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = LocalInfrastructure.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["REDES_PORT_OFFSET"] = PortOffset.ToString(),
                ["REDES_DB_SUFFIX"] = DatabaseSuffix,
                ["REDES_NATIONAL_PASSWORD"] = NationalPassword,
                ["REDES_AGRORURAL_ADMIN_PASSWORD"] = AgroRuralAdminPassword,
                ["REDES_ANDINA_ADMIN_PASSWORD"] = AndinaAdminPassword,
                ["REDES_DEMO_STAFF_PASSWORD"] = StaffPassword,
            },
        };
        start.ArgumentList.Add(Path.Combine(LocalInfrastructure.RepositoryRoot, script));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{script} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{output}");
    }

    private static string NewPassword() => "E2e-" + RandomNumberGenerator.GetHexString(16) + "-9x";
}

[CollectionDefinition(Name)]
public sealed class LocalStackCollection : ICollectionFixture<LocalStack>
{
    public const string Name = "local stack";
}
