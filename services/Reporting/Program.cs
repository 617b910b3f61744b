using RedesPlataforma.BuildingBlocks.ServiceDefaults;
using RedesPlataforma.Reporting.Dashboard;
using RedesPlataforma.Reporting.Extensions;
using RedesPlataforma.Reporting.National;
using RedesPlataforma.Reporting.PersonalData;
using RedesPlataforma.Reporting.ReadModels;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddReportingServices();        // database, read-model consumers, cell catalog, national scope, suppression rule

var app = builder.Build();
app.UseRequestLogScope();              // every log line of a request: its correlation id and path
app.MapDefaultEndpoints();             // errors, auth, tenant, /health/*, /openapi
app.MapDashboardApi();                 // the caller's tenant: figures, series, exports
app.MapNationalApi();                  // national unit: all tenants, suppressed, exports
app.MapReadModelsApi();                // clearing the read models for a rebuild
app.MapPersonalDataApi();              // what the reports hold about a producer, for their access request; its audit log
app.Run();

public partial class Program;
