using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RedesPlataforma.Financing.Infrastructure;
using RedesPlataforma.Tenants.FunctionalTests;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Financing.FunctionalTests;

/// <summary>
/// The Financing service in-process on a fresh database, beside a real Tenants service that issues the tokens and
/// publishes the events both share through one RabbitMQ virtual host. Financing validates tokens from the
/// Tenants service's discovery document and JWKS, fetched over the Tenants test server.
/// </summary>
public sealed class FinancingApp : WebApplicationFactory<FinancingDb>, IAsyncLifetime
{
    public TenantsApp Tenants { get; } = new();
    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Tenants).InitializeAsync();
        Database = await TestDatabase.CreateAsync("financing");
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

    /// <summary>A client for this service signed in as <paramref name="email"/> through the Tenants service.</summary>
    public async Task<HttpClient> ClientForAsync(string email, string password) =>
        CreateClient().Authorize((await Tenants.CreateClient().SignInAsync(email, password)).AccessToken);

    /// <summary>A client for this service signed in as the national unit (no tenant).</summary>
    public Task<HttpClient> NationalClientAsync() => ClientForAsync(TenantsApp.NationalEmail, TenantsApp.NationalPassword);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
        await ((IAsyncLifetime)Tenants).DisposeAsync();
    }
}
