using RedesPlataforma.BuildingBlocks.ServiceDefaults;
using RedesPlataforma.Networks.BusinessNetworks;
using RedesPlataforma.Networks.Evidence;
using RedesPlataforma.Networks.Extensions;
using RedesPlataforma.Networks.Monitoring;
using RedesPlataforma.Networks.MyWork;
using RedesPlataforma.Networks.Places;
using RedesPlataforma.Networks.Producers;
using RedesPlataforma.Networks.Specialists;
using RedesPlataforma.Networks.ValueChains;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNetworksServices();         // database, outbox, specialist consumers, token validation

var app = builder.Build();
app.UseRequestLogScope();              // every log line of a request: its correlation id and path
app.MapDefaultEndpoints();             // errors, auth, tenant, /health/*, /openapi
app.MapPlacesApi();
app.MapValueChainsApi();
app.MapProducersApi();
app.MapBusinessNetworksApi();          // networks, members, leader, phases
app.MapMonitoringApi();
app.MapEvidenceApi();                  // files attached to phase changes and monitoring records
app.MapMyWorkApi();                    // a specialist's or a supervisor's home
app.MapSpecialistsApi();               // whom a supervisor can hand a network to
app.Run();

public partial class Program;
