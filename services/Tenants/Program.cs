using RedesPlataforma.BuildingBlocks.ServiceDefaults;
using RedesPlataforma.Tenants.Accounts;
using RedesPlataforma.Tenants.Audit;
using RedesPlataforma.Tenants.Extensions;
using RedesPlataforma.Tenants.Identity;
using RedesPlataforma.Tenants.Identity.Portal;
using RedesPlataforma.Tenants.Institutions;
using RedesPlataforma.Tenants.Onboarding;
using RedesPlataforma.Tenants.OrgUnits;
using RedesPlataforma.Tenants.Staff;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddTenantsServices();          // database, outbox, Identity + token server, account links and mail, anonymous limits

var app = builder.Build();
app.UseRequestLogScope();              // every log line of a request: its correlation id and path
app.MapDefaultEndpoints();             // errors, auth, tenant, /health/*, /openapi
app.UseRateLimiter();
app.MapTokenEndpoint();
app.MapAuthorizeEndpoint();            // the portal: code + PKCE, after the sign-in page
app.MapPortalLogin();
app.MapOnboardingApi();
app.MapTenantsApi();
app.MapStaffApi();
app.MapOrgUnitsApi();
app.MapAuditApi();
app.MapAccountApi();
app.MapTwoFactorApi();
app.MapAccountRecoveryApi();
app.Run();

public partial class Program;
