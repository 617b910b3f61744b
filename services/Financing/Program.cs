using RedesPlataforma.BuildingBlocks.ServiceDefaults;
using RedesPlataforma.Financing.Extensions;
using RedesPlataforma.Financing.NationalReviews;
using RedesPlataforma.Financing.PersonalData;
using RedesPlataforma.Financing.Plans;
using RedesPlataforma.Financing.Programmes;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddFinancingServices();        // database, outbox, network projection consumer, token validation

var app = builder.Build();
app.UseRequestLogScope();              // every log line of a request: its correlation id and path
app.MapDefaultEndpoints();             // errors, auth, tenant, /health/*, /openapi
app.MapProgrammesApi();                // national and tenant programmes
app.MapBusinessPlansApi();             // plans, workflow, disbursements, contributions
app.MapNationalReviewsApi();           // the national unit decides and pays plans on national programmes
app.MapPersonalDataApi();              // plan lines naming a producer, for their access request; its audit log
app.Run();

public partial class Program;
