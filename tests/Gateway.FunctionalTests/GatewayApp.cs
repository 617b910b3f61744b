extern alias GatewayService;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using RedesPlataforma.Tenants.FunctionalTests;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Gateway.FunctionalTests;

/// <summary>
/// One Tenants service on Kestrel (fresh database, own virtual host) and the gateway in-process in front of it:
/// Services:Tenants and Identity:Authority point at the Tenants port; Networks, Financing and Reporting stay
/// unconfigured as in appsettings.json. Subclasses add gateway settings.
/// </summary>
public class GatewayApp : IAsyncLifetime
{
    private GatewayFactory _gateway = null!;

    public KestrelTenantsApp Tenants { get; } = new();

    protected virtual IReadOnlyDictionary<string, string> GatewaySettings => new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        await Tenants.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Services:Tenants"] = Tenants.BaseAddress.ToString().TrimEnd('/'),
            ["Identity:Authority"] = Tenants.BaseAddress.ToString(),
        };
        foreach (var (key, value) in GatewaySettings) settings[key] = value;
        _gateway = new GatewayFactory(settings);
        _gateway.StartServer();
    }

    /// <summary>An anonymous client of the gateway.</summary>
    public HttpClient Client() => _gateway.CreateClient();

    /// <summary>A client of the gateway carrying a token obtained through the gateway's /connect/token.</summary>
    public async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var client = Client();
        return client.Authorize((await client.SignInAsync(email, password)).AccessToken);
    }

    /// <summary>A client of the gateway carrying the token another client (e.g. one straight to Tenants) holds.</summary>
    public HttpClient WithTokenOf(HttpClient signedIn) => Client().Authorize(signedIn.DefaultRequestHeaders.Authorization!.Parameter!);

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await ((IAsyncLifetime)Tenants).DisposeAsync();
    }

    private sealed class GatewayFactory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<GatewayService::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }
}

/// <summary>The gateway with a tight per-tenant rate limit (1 per second, burst 5) and a 2000-byte body limit.</summary>
public sealed class LimitedGatewayApp : GatewayApp
{
    public const int Burst = 5;
    public const int MaxRequestBodyBytes = 2000;
    public const int RouteMaxRequestBodyBytes = 20_000;
    private const string RouteLimitKey = GatewayService::RedesPlataforma.Gateway.Proxy.ProxyExtensions.MaxRequestBodyBytesMetadata;

    protected override IReadOnlyDictionary<string, string> GatewaySettings => new Dictionary<string, string>
    {
        ["RateLimits:PerTenantPerSecond"] = "1",
        ["RateLimits:Burst"] = Burst.ToString(),
        ["Http:MaxRequestBodyBytes"] = MaxRequestBodyBytes.ToString(),
        // As the producer import's route does with its 50 MB: one route takes larger bodies than the rest.
        ["ReverseProxy:Routes:tenants-onboarding-apply:Metadata:" + RouteLimitKey] = RouteMaxRequestBodyBytes.ToString(),
    };
}

/// <summary>The gateway looking for the signing keys where nothing answers, as when the Tenants service is down before
/// the gateway has cached them; tokens still come from the running Tenants service.</summary>
public sealed class KeylessGatewayApp : GatewayApp
{
    protected override IReadOnlyDictionary<string, string> GatewaySettings => new Dictionary<string, string>
    {
        ["Identity:Authority"] = "http://127.0.0.1:9/",
    };
}
