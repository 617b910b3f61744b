using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Audit;
using RedesPlataforma.BuildingBlocks.Export;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Networks.Infrastructure;

namespace RedesPlataforma.Networks.Producers.Export;

public sealed record ProducerExportRow(
    string? Dni, string FirstNames, string LastNames, Gender Gender, int BirthYear, string DistrictCode, string DistrictName,
    string RegionCode, string? Phone, bool ConsentGiven, DateOnly? ConsentDate, bool IsActive, DateTimeOffset CreatedAt);

/// <summary>
/// <c>GET api/producers/export?format=csv|xlsx</c> with the list's filters: every matching producer, no row cap, streamed
/// from the database cursor (rows are never collected in memory). The columns are the import's, so an export can be
/// imported elsewhere; the extra ones (district name, region, active, registered) are ignored by the import.
/// </summary>
public static class ProducerExport
{
    public static readonly IReadOnlyList<string> Columns =
        ["dni", "first_names", "last_names", "gender", "birth_year", "ubigeo", "district_name", "region_code",
         "phone", "consent", "consent_date", "active", "registered_at"];

    /// <summary>The birth year is the one number; the others are text (DNI and UBIGEO keep their leading zeros).</summary>
    private static readonly HashSet<int> NumericColumns = [4];

    /// <summary>Exporting many producers' personal data is for staff who work with them, not viewers.</summary>
    public static RouteHandlerBuilder MapProducerExport(this RouteGroupBuilder api) =>
        api.MapGet("/export", Export).RequireAuthorization(Policies.Specialist).ProducesTableExport().WithName("ExportProducers")
            .WithDescription("The producers matching the list's filters as a streamed CSV or xlsx download.");

    static Results<PushStreamHttpResult, ValidationProblem> Export(
        string? format, [AsParameters] ProducerFilter filter, NetworksDb db, PersonalDataReads reads, TimeProvider clock, CancellationToken ct)
    {
        if ((string.IsNullOrWhiteSpace(format) ? ExportFormat.Csv : TableExport.ParseFormat(format)) is not { } chosen)
            return ProducerProblems.Invalid("format", "Use format=csv or format=xlsx. / Use format=csv o format=xlsx.");
        // Recorded by the stream's own query; its rows are not counted ahead, which would cost a second pass.
        reads.ProducersRead(PersonalDataAction.ProducersExported, new { filter, format = chosen.ToString() }, null);
        return TableExport.Stream(Table(Rows(db, filter)), chosen, $"productores-{clock.GetUtcNow():yyyyMMdd-HHmm}", ct);
    }

    public static ExportTable Table(IAsyncEnumerable<ProducerExportRow> rows) =>
        new("Productores", Columns, rows.Select(Values)) { NumericColumns = NumericColumns };

    public static IAsyncEnumerable<ProducerExportRow> Rows(NetworksDb db, ProducerFilter filter) =>
        (from p in db.Filtered(filter)
         join d in db.Districts on p.DistrictCode equals d.Code
         orderby p.LastNames, p.FirstNames, p.Id
         select new ProducerExportRow(p.Dni, p.FirstNames, p.LastNames, p.Gender, p.BirthYear, p.DistrictCode, d.Name, p.RegionCode,
             p.Phone, p.ConsentGiven, p.ConsentDate, p.IsActive, p.CreatedAt))
        .AsAsyncEnumerable();

    private static IReadOnlyList<string?> Values(ProducerExportRow row) =>
    [
        row.Dni, row.FirstNames, row.LastNames, row.Gender == Gender.Female ? "F" : "M",
        row.BirthYear.ToString(CultureInfo.InvariantCulture), row.DistrictCode, row.DistrictName, row.RegionCode,
        row.Phone, YesNo(row.ConsentGiven), row.ConsentDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        YesNo(row.IsActive), row.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    ];

    private static string YesNo(bool value) => value ? "si" : "no";
}
