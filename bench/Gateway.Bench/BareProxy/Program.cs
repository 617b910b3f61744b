using RedesPlataforma.Gateway.Transport;
using Yarp.ReverseProxy.Configuration;

// No authentication, tenant, rate limit, overload turn, headers, compression, sessions or logging: only YARP.
var builder = WebApplication.CreateBuilder(args);
builder.UseInlineIoWhenSet();
builder.Logging.ClearProviders();
var networks = builder.Configuration["Services:Networks"] ?? throw new InvalidOperationException("Services:Networks is not set.");
builder.Services.AddReverseProxy().LoadFromMemory(
    [new RouteConfig { RouteId = "api", ClusterId = "networks", Match = new RouteMatch { Path = "/api/{**rest}" } }],
    [new ClusterConfig { ClusterId = "networks", Destinations = new Dictionary<string, DestinationConfig> { ["networks"] = new() { Address = networks } } }]);

var app = builder.Build();
app.MapGet("/health/ready", () => "ready");
app.MapReverseProxy();
app.Run();
