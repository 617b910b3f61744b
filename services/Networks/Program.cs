using RedesPlataforma.BuildingBlocks.ServiceDefaults;
using RedesPlataforma.Networks.Extensions;
using RedesPlataforma.Networks.Places;
using RedesPlataforma.Networks.ValueChains;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNetworksServices();         // database, outbox, specialist consumers, token validation

var app = builder.Build();
app.MapDefaultEndpoints();             // errors, auth, tenant, /health/*, /openapi
app.MapPlacesApi();
app.MapValueChainsApi();
app.Run();

public partial class Program;
