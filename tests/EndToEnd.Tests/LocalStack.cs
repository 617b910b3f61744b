using System.Text.Json;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using RedesPlataforma.Testing;

namespace RedesPlataforma.EndToEnd.Tests;

/// <summary>
/// The whole platform as a developer runs it: <c>deploy/local/up.sh</c> starts every service and the gateway as real
/// processes (on ports shifted by <see cref="PortOffset"/>, with databases of their own and a RabbitMQ node of their
/// own, so a developer's stack keeps running beside it and the fault test can stop the broker) and seeds the demo data
/// through the public API. Every run starts from empty databases and a new broker node, with passwords made for the run.
/// With REDES_E2E_GATEWAY set, the stack is one started and seeded elsewhere (deploy/compose/test.sh: the platform in
/// containers), reached only through that gateway; the passwords are then the ones its seed was given, in the same
/// variables.
/// </summary>
public sealed class LocalStack : IAsyncLifetime
{
    private static readonly string? ExternalGateway = Environment.GetEnvironmentVariable("REDES_E2E_GATEWAY") is { Length: > 0 } url ? url : null;

    /// <summary>300 unless REDES_E2E_PORT_OFFSET says otherwise, so two checkouts on one machine can each run the suite.</summary>
    public static readonly int PortOffset = int.TryParse(Environment.GetEnvironmentVariable("REDES_E2E_PORT_OFFSET"), out var offset) ? offset : 300;
    private static readonly string DatabaseSuffix = PortOffset == 300 ? "_e2e" : $"_e2e{PortOffset}";
    /// <summary>The services behind the gateway, each with its database and OpenAPI document.</summary>
    public static readonly IReadOnlyList<string> Services = ["tenants", "networks", "financing", "reporting"];

    public string NationalPassword { get; } = Password("REDES_NATIONAL_PASSWORD");
    public string AgroRuralAdminPassword { get; } = Password("REDES_AGRORURAL_ADMIN_PASSWORD");
    public string AndinaAdminPassword { get; } = Password("REDES_ANDINA_ADMIN_PASSWORD");
    public string StaffPassword { get; } = Password("REDES_DEMO_STAFF_PASSWORD");

    /// <summary>The stack's own RabbitMQ node (deploy/local/infra.sh names it redes-{port}), never the developer's 5672.</summary>
    public static readonly int RabbitPort = 6672 + PortOffset;

    public Uri Gateway { get; } = new(ExternalGateway ?? $"http://127.0.0.1:{5100 + PortOffset}/");

    /// <summary>This stack's logs, pids, secrets and mail (deploy/local/lib.sh).</summary>
    private static readonly string StackFolder = Path.Combine(
        Environment.GetEnvironmentVariable("REDES_LOCAL_STATE_DIR") is { Length: > 0 } state ? state : Path.Combine(LocalInfrastructure.RepositoryRoot, ".local"),
        $"stack-{PortOffset}");

    /// <summary>Where this stack's Tenants service writes the e-mails it sends (no SMTP server locally).</summary>
    public string MailFolder { get; } = Path.Combine(StackFolder, "mail");

    public async Task InitializeAsync()
    {
        if (ExternalGateway is not null) return;
        await TearDownAsync(); // what an interrupted earlier run left behind
        await RunAsync("deploy/local/up.sh", "--no-build");
    }

    public Task DisposeAsync() => ExternalGateway is null ? TearDownAsync() : Task.CompletedTask;

    /// <summary>This stack's database of a service ("tenants", "networks", ...).</summary>
    public static string Database(string service) => $"redes_{service}{DatabaseSuffix}";

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

    /// <summary>An outage of the stack's broker: its RabbitMQ application stops, connections drop, the port closes.</summary>
    public Task StopBrokerAsync() => RunAsync("deploy/local/infra.sh", "rabbit-stop");

    public Task StartBrokerAsync() => RunAsync("deploy/local/infra.sh", "rabbit-start");

    /// <summary>Kills one of the stack's processes with SIGKILL: no graceful shutdown, unacknowledged messages in flight.</summary>
    public void Kill(string service)
    {
        using var process = Process.GetProcessById(int.Parse(File.ReadAllText(Path.Combine(StackFolder, "run", $"{service}.pid")).Trim()));
        process.Kill();
        process.WaitForExit();
    }

    /// <summary>Starts one service of the stack again and waits until it is ready.</summary>
    public Task RestartAsync(string service) => RunAsync("deploy/local/up.sh", $"--restart={service}");

    private async Task TearDownAsync()
    {
        await RunAsync("deploy/local/down.sh", "--keep-infra");
        await RunAsync("deploy/local/db.sh", ["drop", .. Services.Select(Database)]);
        await RunAsync("deploy/local/infra.sh", "rabbit-delete");
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
                ["REDES_RABBIT_PORT"] = RabbitPort.ToString(),
                ["REDES_DB_SUFFIX"] = DatabaseSuffix,
                ["REDES_NATIONAL_PASSWORD"] = NationalPassword,
                ["REDES_AGRORURAL_ADMIN_PASSWORD"] = AgroRuralAdminPassword,
                ["REDES_ANDINA_ADMIN_PASSWORD"] = AndinaAdminPassword,
                ["REDES_DEMO_STAFF_PASSWORD"] = StaffPassword,
                // All of the suite's requests come from one address, and the robustness test alone sends about 60 to
                // the account forms: at the service's 10 a minute it waited out the window three times (3 minutes).
                // The limit itself is proved in Tenants.FunctionalTests.
                ["REDES_ACCOUNT_PER_MINUTE"] = "1000",
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

    /// <summary>A password made for this run, or, for a stack started elsewhere, the one its seed was given.</summary>
    private static string Password(string variable) =>
        ExternalGateway is null ? "E2e-" + RandomNumberGenerator.GetHexString(16) + "-9x"
        : Environment.GetEnvironmentVariable(variable) is { Length: > 0 } password ? password
        : throw new InvalidOperationException($"REDES_E2E_GATEWAY names a stack started elsewhere: set {variable} to the password its seed was given");
}

[CollectionDefinition(Name)]
public sealed class LocalStackCollection : ICollectionFixture<LocalStack>, ICollectionFixture<Chromium>
{
    public const string Name = "local stack";
}
