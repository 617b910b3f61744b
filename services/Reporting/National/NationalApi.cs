using Microsoft.AspNetCore.Http.HttpResults;
using RedesPlataforma.BuildingBlocks.Export;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Reporting.Figures;

namespace RedesPlataforma.Reporting.National;

/// <summary>
/// National figures, for the national unit only: totals and tables by institution, region, value chain and phase
/// across all tenants, small cells suppressed, each table as CSV or .xlsx. Aggregates only: no endpoint here reads or
/// returns an entity row, let alone a producer's personal data (which never reaches this service).
/// </summary>
public static class NationalApi
{
    public static RouteGroupBuilder MapNationalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/reporting/national").WithTags("Reporting: national figures").RequireAuthorization(Policies.NationalUnit);
        api.MapGet("/", async Task<Ok<NationalDashboard>> (NationalReports reports, CancellationToken ct) => TypedResults.Ok(await reports.BuildAsync(ct)))
            .WithName("GetNationalFigures")
            .WithDescription("The national figures across every tenant, with small cells suppressed; for the national unit.");
        api.MapGet("/{table}.{format:regex(^(csv|xlsx)$)}", Export).ProducesTableExport().WithName("ExportNationalTable")
            .WithDescription("One national table as a CSV or xlsx download, suppressed as on screen.");
        return api;
    }

    static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> Export(
        string table, string format, NationalReports reports, TimeProvider clock, CancellationToken ct)
    {
        if (NationalReports.Exportable.All(t => t.Name != table)) return ReportProblems.UnknownTable(table, NationalReports.Exportable);
        var dashboard = await reports.BuildAsync(ct);
        var report = new[] { dashboard.Summary }.Concat(dashboard.Tables).Single(t => t.Name == table);
        return TableExport.Stream(ReportTables.ToExport(report), TableExport.ParseFormat(format)!.Value, $"nacional-{table}-{clock.GetUtcNow():yyyyMMdd-HHmm}", ct);
    }
}
