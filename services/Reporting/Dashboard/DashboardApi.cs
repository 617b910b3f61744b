using Microsoft.AspNetCore.Http.HttpResults;
using RedesPlataforma.BuildingBlocks.Export;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Reporting.Figures;

namespace RedesPlataforma.Reporting.Dashboard;

public sealed record TenantDashboard(Guid TenantId, string TenantName, DashboardFilter Filter, ReportTable Summary, IReadOnlyList<ReportTable> Tables);

/// <summary>
/// The tenant dashboard, for every role of a tenant: the caller's tenant's figures (from the token, never from the
/// request), filterable by region, value chain, phase and period; the monthly series; each table as CSV or .xlsx.
/// </summary>
public static class DashboardApi
{
    public static RouteGroupBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/reporting/dashboard").WithTags("Reporting: tenant dashboard").RequireAuthorization(Policies.TenantMember);
        api.MapGet("/", GetDashboard).WithName("GetTenantDashboard")
            .WithDescription("The tenant's dashboard tables, with its filters.");
        api.MapGet("/series", GetSeries).WithName("GetTenantDashboardSeries")
            .WithDescription("The series of the tenant's figures over time, for the dashboard's charts.");
        api.MapGet("/{table}.{format:regex(^(csv|xlsx)$)}", Export).ProducesTableExport().WithName("ExportTenantDashboardTable")
            .WithDescription("One dashboard table as a CSV or xlsx download, with the dashboard's filters.");
        return api;
    }

    static async Task<Results<Ok<TenantDashboard>, ValidationProblem>> GetDashboard(
        [AsParameters] DashboardFilter filter, TenantReports reports, ICurrentTenant tenant, CancellationToken ct)
    {
        if (filter.Problems() is { } problems) return TypedResults.ValidationProblem(problems);
        var tables = await reports.BuildAsync([TenantReports.Summary, .. TenantReports.Breakdowns], filter, ct);
        return TypedResults.Ok(new TenantDashboard(tenant.Tenant!.Id, tenant.Tenant.Name, filter, tables[0], tables.Skip(1).ToList()));
    }

    static async Task<Results<Ok<ReportTable>, ValidationProblem>> GetSeries([AsParameters] DashboardFilter filter, TenantReports reports, CancellationToken ct)
    {
        if (filter.Problems() is { } problems) return TypedResults.ValidationProblem(problems);
        return TypedResults.Ok((await reports.BuildAsync([TenantReports.Series], filter, ct))[0]);
    }

    static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> Export(
        string table, string format, [AsParameters] DashboardFilter filter, TenantReports reports, TimeProvider clock, CancellationToken ct)
    {
        if (filter.Problems() is { } problems) return TypedResults.ValidationProblem(problems);
        if (TenantReports.Exportable.FirstOrDefault(t => t.Name == table) is not { } definition) return ReportProblems.UnknownTable(table, TenantReports.Exportable);
        var report = (await reports.BuildAsync([definition], filter, ct))[0];
        return TableExport.Stream(ReportTables.ToExport(report), TableExport.ParseFormat(format)!.Value, $"{table}-{clock.GetUtcNow():yyyyMMdd-HHmm}", ct);
    }
}
