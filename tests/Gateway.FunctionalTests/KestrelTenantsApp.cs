using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Gateway.FunctionalTests;

/// <summary>
/// The Tenants service fixture on real Kestrel at a loopback port chosen up front, so the gateway reaches it over
/// HTTP and its tokens carry an issuer the gateway can fetch discovery and JWKS from. It also records the headers
/// each request arrived with, keyed by X-Correlation-Id, to check what the gateway forwards.
/// </summary>
public sealed class KestrelTenantsApp : TenantsApp
{
    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <param name="settings">Settings on top of the Tenants fixture's, e.g. a shorter access-token lifetime.</param>
    public KestrelTenantsApp(IReadOnlyDictionary<string, string>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        Port = LocalInfrastructure.FreeLoopbackPort();
        UseKestrel(Port);
    }

    /// <summary>Test-only request header: the service answers with this Content-Security-Policy of its own.</summary>
    public const string RespondWithPolicyHeader = "X-Test-Respond-With-Policy";

    /// <summary>Test-only request header: the service reads the whole body before answering, as an upload endpoint does.</summary>
    public const string ReadBodyHeader = "X-Test-Read-Body";

    /// <summary>Test-only request header: the service answers 200 with this many bytes, as a file download does.</summary>
    public const string RespondWithBytesHeader = "X-Test-Respond-With-Bytes";

    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>Request headers the service received, by the request's X-Correlation-Id.</summary>
    public ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> ReceivedHeaders { get; } = new();

    public async Task StartAsync()
    {
        try
        {
            await InitializeAsync();
        }
        catch (NotSupportedException)
        {
            // TenantsApp starts itself by touching Server (the TestServer), which Kestrel mode does not have;
            // the database and the virtual host are already in place by then.
        }
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Identity:Issuer", BaseAddress.ToString());
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new HeaderRecorder(ReceivedHeaders)));
    }

    private sealed class HeaderRecorder(ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> received) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Headers["X-Correlation-Id"].ToString() is { Length: > 0 } correlationId)
                    received[correlationId] = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
                // Answers with the policy asked for, as a service serving files (evidence: sandbox) does.
                if (context.Request.Headers[RespondWithPolicyHeader].ToString() is { Length: > 0 } policy)
                    context.Response.OnStarting(() =>
                    {
                        context.Response.Headers.ContentSecurityPolicy = policy;
                        return Task.CompletedTask;
                    });
                if (context.Request.Headers.ContainsKey(ReadBodyHeader)) await context.Request.Body.DrainAsync(context.RequestAborted);
                if (int.TryParse(context.Request.Headers[RespondWithBytesHeader], out var size))
                {
                    context.Response.ContentType = "application/octet-stream";
                    await context.Response.Body.WriteAsync(new byte[size], context.RequestAborted);
                    return;
                }
                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
