using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace RedesPlataforma.Testing;

/// <summary>
/// The Tenants service in-process (WebApplicationFactory) on a fresh PostgreSQL database and its own RabbitMQ
/// virtual host. Migrations run at start-up as the owner role; requests run as the non-owner role.
/// </summary>
public class TenantsApp : WebApplicationFactory<RedesPlataforma.Tenants.Infrastructure.TenantsDb>, IAsyncLifetime
{
    public const string NationalEmail = "unidad@nacional.test";
    public const string NationalPassword = "Nacional-Test-2026!";

    /// <summary>The portal's callback as the in-memory test servers (this one, the gateway's) name themselves.</summary>
    public const string PortalRedirectUri = "http://localhost/bff/callback";

    private readonly string _keysFolder = Path.Combine(Path.GetTempPath(), "redes-test-keys", Guid.NewGuid().ToString("N"));
    private readonly string _mailFolder = Path.Combine(Path.GetTempPath(), "redes-test-mail", Guid.NewGuid().ToString("N"));

    public const string PortalUrl = "http://portal.test";

    /// <summary>
    /// Each hash at the service's 210,000 iterations takes about 140 ms of CPU, and the suites create and sign in
    /// thousands of accounts: that was over half of their CPU. So test hosts (Development, as a local stack) hash with
    /// this many, unless a suite measures the hash's cost itself (null: the service's own count, which Tenants.Tests
    /// pins).
    /// </summary>
    protected virtual int? PasswordHashIterations => 1_000;

    public TestDatabase Database { get; private set; } = null!;
    public TestVirtualHost Broker { get; private set; } = null!;
    public string KeysFolder => _keysFolder;

    /// <summary>The pickup folder the service writes its e-mails to (no SMTP server is configured).</summary>
    public string MailFolder => _mailFolder;

    protected virtual Task<TestVirtualHost> CreateBrokerAsync() => TestVirtualHost.CreateAsync();

    protected virtual Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateAsync("tenants");

    public async Task InitializeAsync()
    {
        Database = await CreateDatabaseAsync();
        Broker = await CreateBrokerAsync();
        _ = Server; // start now, so migrations and the bootstrap account are in place before any test
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Database", Database.AppConnectionString);
        builder.UseSetting("ConnectionStrings:DatabaseOwner", Database.OwnerConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Identity:Issuer", "http://tenants.test/");
        builder.UseSetting("Identity:KeysFolder", _keysFolder);
        builder.UseSetting("Identity:Portal:RedirectUris:0", PortalRedirectUri);
        builder.UseSetting("Bootstrap:NationalUnit:Email", NationalEmail);
        builder.UseSetting("Bootstrap:NationalUnit:Password", NationalPassword);
        builder.UseSetting("RateLimits:OnboardingPerMinute", "1000");
        builder.UseSetting("RateLimits:AccountPerMinute", "1000");
        builder.UseSetting("Mail:PickupFolder", _mailFolder);
        builder.UseSetting("Portal:PublicUrl", PortalUrl);
        builder.UseSetting("Messaging:OutboxPollInterval", "00:00:00.500");
        foreach (var (key, value) in Broker.Settings()) builder.UseSetting(key, value);
        if (PasswordHashIterations is { } iterations) builder.UseSetting("Identity:PasswordHashIterations", iterations.ToString());
    }

    public async Task<HttpClient> NationalClientAsync()
    {
        var client = CreateClient();
        return client.Authorize((await client.SignInAsync(NationalEmail, NationalPassword)).AccessToken);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
        await Broker.DisposeAsync();
        if (Directory.Exists(_keysFolder)) Directory.Delete(_keysFolder, recursive: true);
        if (Directory.Exists(_mailFolder)) Directory.Delete(_mailFolder, recursive: true);
    }
}
