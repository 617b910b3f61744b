extern alias GatewayService;

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Gateway.FunctionalTests;

/// <summary>
/// One Tenants service on Kestrel (fresh database, own virtual host) and the gateway in-process in front of it:
/// Services:Tenants and Identity:Authority point at the Tenants port; Networks, Financing and Reporting stay
/// unconfigured as in appsettings.json. Subclasses add gateway settings.
/// </summary>
public class GatewayApp : IAsyncLifetime
{
    /// <summary>Test-only request header: the address the request's connection comes from.</summary>
    public const string ConnectionAddressHeader = "X-Test-Connection-Address";

    /// <summary>Where requests without <see cref="ConnectionAddressHeader"/> connect from: a client, not a trusted proxy.</summary>
    public const string DefaultClientAddress = "192.0.2.1";

    private GatewayFactory _gateway = null!;
    private readonly string _dataProtectionFolder = Path.Combine(Path.GetTempPath(), "redes-test-dataprotection", Guid.NewGuid().ToString("N"));

    public KestrelTenantsApp Tenants { get; private set; } = null!;

    protected virtual IReadOnlyDictionary<string, string> GatewaySettings => new Dictionary<string, string>();

    protected virtual IReadOnlyDictionary<string, string> TenantsSettings => new Dictionary<string, string>();

    /// <summary>The gateway on real Kestrel at this loopback port rather than on the in-memory test server, for what only a
    /// socket shows (body limits, connection reuse); null keeps the test server.</summary>
    protected virtual int? KestrelPort => null;

    /// <summary>The gateway's services, e.g. to open a session cookie as the gateway does.</summary>
    public IServiceProvider GatewayServices => _gateway.Services;

    public async Task InitializeAsync()
    {
        Tenants = new KestrelTenantsApp(TenantsSettings);
        await Tenants.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Services:Tenants"] = Tenants.BaseAddress.ToString().TrimEnd('/'),
            ["Identity:Authority"] = Tenants.BaseAddress.ToString(),
            ["DataProtection:KeysFolder"] = _dataProtectionFolder,
        };
        foreach (var (key, value) in GatewaySettings) settings[key] = value;
        _gateway = new GatewayFactory(settings, KestrelPort);
        _gateway.StartServer();
    }

    /// <summary>An anonymous client of the gateway.</summary>
    public HttpClient Client() => _gateway.CreateClient();

    /// <summary>An anonymous client that sends a request's body as it is written: Client() follows redirects, so it holds
    /// a body back until the whole of it can be sent again.</summary>
    public HttpClient StreamingClient() => _gateway.CreateDefaultClient();

    /// <summary>A browser-like client: keeps cookies by domain and path, follows no redirect by itself.</summary>
    public PortalBrowser Browser()
    {
        var cookies = new CookieContainer();
        return new PortalBrowser(_gateway.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)), cookies);
    }

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
        if (Directory.Exists(_dataProtectionFolder)) Directory.Delete(_dataProtectionFolder, recursive: true);
    }

    private sealed class GatewayFactory : WebApplicationFactory<GatewayService::Program>
    {
        private readonly IReadOnlyDictionary<string, string> _settings;

        public GatewayFactory(IReadOnlyDictionary<string, string> settings, int? kestrelPort)
        {
            _settings = settings;
            if (kestrelPort is { } port) UseKestrel(port);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in _settings) builder.UseSetting(key, value);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ConnectionAddress>());
        }
    }

    /// <summary>
    /// The in-memory test server has no TCP peer, and ASP.NET Core believes any X-Forwarded-For from a connection
    /// without an address. A socket always has one: this gives each request the address in
    /// <see cref="ConnectionAddressHeader"/>, or <see cref="DefaultClientAddress"/>, before the gateway's middleware runs.
    /// </summary>
    private sealed class ConnectionAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.TryParse(context.Request.Headers[ConnectionAddressHeader], out var address)
                    ? address
                    : IPAddress.Parse(DefaultClientAddress);
                return nextMiddleware(context);
            });
            next(app);
        };
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

/// <summary>The gateway behind a trusted proxy (10.1.2.3), with a small anonymous rate limit.</summary>
public sealed class ProxiedGatewayApp : GatewayApp
{
    public const string TrustedProxy = "10.1.2.3";
    public const int AnonymousPerMinute = 3;

    protected override IReadOnlyDictionary<string, string> GatewaySettings => new Dictionary<string, string>
    {
        ["ForwardedHeaders:KnownProxies:0"] = TrustedProxy,
        ["RateLimits:AnonymousPerMinute"] = AnonymousPerMinute.ToString(),
    };
}

/// <summary>The token server issues access tokens for 20 seconds: always within the gateway's one-minute refresh margin,
/// so every request of a portal session refreshes first.</summary>
public sealed class ShortTokenGatewayApp : GatewayApp
{
    protected override IReadOnlyDictionary<string, string> TenantsSettings => new Dictionary<string, string>
    {
        ["Identity:AccessTokenLifetime"] = "00:00:20",
    };
}

/// <summary>The gateway with one turn for proxied requests and one place in line, waited for at most three seconds.</summary>
public sealed class OverloadedGatewayApp : GatewayApp
{
    public const int RetryAfterSeconds = 3;
    public static readonly TimeSpan MaxQueueWait = TimeSpan.FromSeconds(3);

    /// <summary>Far more than the in-memory server's response pipe and YARP's copy buffer hold between them.</summary>
    public const int LargerThanTheTestServersBuffers = 4 * 1024 * 1024;

    public GatewayService::RedesPlataforma.Gateway.Overload.OverloadShedding Shedding =>
        GatewayServices.GetRequiredService<GatewayService::RedesPlataforma.Gateway.Overload.OverloadShedding>();

    protected override IReadOnlyDictionary<string, string> GatewaySettings => new Dictionary<string, string>
    {
        ["Overload:MaxConcurrentRequests"] = "1",
        ["Overload:MaxQueuedRequests"] = "1",
        ["Overload:MaxQueueWait"] = MaxQueueWait.ToString(),
        ["Overload:RetryAfterSeconds"] = RetryAfterSeconds.ToString(),
    };
}
