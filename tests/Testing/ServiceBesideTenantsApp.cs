using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace RedesPlataforma.Testing;

/// <summary>An institution onboarded through the real Tenants service, with its admin signed in to the service under test.</summary>
public sealed record ServiceTenant(OnboardedTenant Tenant, HttpClient Admin)
{
    public Guid Id => Tenant.TenantId;
}

/// <summary>A staff member signed in to the service under test.</summary>
public sealed record SignedInStaff(Guid Id, HttpClient Client);

/// <summary>
/// A service in-process on a fresh database, beside a real Tenants service that issues the tokens and
/// publishes the events both share through one RabbitMQ virtual host. The service validates tokens from the
/// Tenants service's discovery document and JWKS, fetched over the Tenants test server.
/// </summary>
public abstract class ServiceBesideTenantsApp<TEntryPoint> : WebApplicationFactory<TEntryPoint>, IAsyncLifetime where TEntryPoint : class
{
    public TenantsApp Tenants { get; } = new();

    /// <summary>Names the test database, so a leftover one says which suite made it.</summary>
    protected abstract string DatabasePrefix { get; }
    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Tenants).InitializeAsync();
        Database = await TestDatabase.CreateAsync(DatabasePrefix);
        _ = Server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Database", Database.AppConnectionString);
        builder.UseSetting("ConnectionStrings:DatabaseOwner", Database.OwnerConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Identity:Authority", "http://tenants.test/");
        builder.UseSetting("Messaging:OutboxPollInterval", "00:00:00.500");
        foreach (var (key, value) in Tenants.Broker.Settings()) builder.UseSetting(key, value);
        // Configure, not PostConfigure: JwtBearer builds its metadata client in its own post-configure step.
        builder.ConfigureTestServices(services => services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme,
            options => options.BackchannelHttpHandler = Tenants.Server.CreateHandler()));
    }

    /// <summary>Onboards an institution through the Tenants service and signs its admin in to this service.</summary>
    public async Task<ServiceTenant> OnboardAsync()
    {
        var tenant = await Tenants.OnboardAsync();
        return new ServiceTenant(tenant, await ClientForAsync(tenant.AdminEmail, Scenario.Password));
    }

    /// <summary>A client for this service signed in as <paramref name="email"/> through the Tenants service.</summary>
    public async Task<HttpClient> ClientForAsync(string email, string password) =>
        CreateClient().Authorize((await Tenants.CreateClient().SignInAsync(email, password)).AccessToken);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
        await ((IAsyncLifetime)Tenants).DisposeAsync();
    }
}
