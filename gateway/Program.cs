using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.BuildingBlocks.ServiceDefaults;
using RedesPlataforma.Gateway.ApiReference;
using RedesPlataforma.Gateway.Bff;
using RedesPlataforma.Gateway.Compression;
using RedesPlataforma.Gateway.Correlation;
using RedesPlataforma.Gateway.Extensions;
using RedesPlataforma.Gateway.Forwarding;
using RedesPlataforma.Gateway.Portal;
using RedesPlataforma.Gateway.Proxy;
using RedesPlataforma.Gateway.RateLimiting;
using RedesPlataforma.Gateway.Security;
using RedesPlataforma.Gateway.Transport;

var builder = WebApplication.CreateBuilder(args);
builder.UseInlineIoWhenSet();              // requests run on the I/O thread that read them, when the deployment says so
builder.AddServiceDefaults();
builder.AddPlatformJwtAuthentication();    // Tenants service tokens, checked by JWKS
builder.AddGatewayServices();              // YARP from config, rate limits, body size, trusted proxies, Tenants readiness
builder.AddBff();                          // the portal's session cookie, shared data-protection keys, token server client
builder.AddApiCompression();               // JSON, problems and CSV: brotli or gzip, fastest level

var app = builder.Build();
app.UseForwardedClientAddress();           // the client's address and scheme from trusted proxies only
app.UseCorrelationId();                    // X-Correlation-Id in, out and forwarded
app.UseRequestLogScope();                  // every log line of a request: its correlation id and path
app.UseSecurityHeaders();                  // nosniff, DENY, no-referrer, CSP, HSTS on HTTPS
app.UsePortal();                           // the web portal's build (anonymous), pre-compressed, page fallback
app.UseResponseCompression();              // the API's answers (the portal's files come pre-compressed)
app.UsePortalSessions();                   // session cookie → X-CSRF check, refresh, Authorization: Bearer
app.MapDefaultEndpoints();                 // errors, body limit, auth, tenant, /health/*, /openapi/v1.json
app.UseTenantRateLimiting();               // after authentication: partitions by tenant, user or IP
app.MapBffApi();                           // /bff/login, /bff/callback, /bff/user, /bff/logout
app.MapApiReference();                     // /scalar over every service's /openapi/{service}.json
app.MapGatewayProxy();                     // YARP; 503 problem for services not deployed yet
app.Run();

public partial class Program;
