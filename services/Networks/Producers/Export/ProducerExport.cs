using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Networks.Infrastructure;
using RedesPlataforma.Networks.Producers.Import;

namespace RedesPlataforma.Networks.Producers.Export;

public sealed record ProducerExportRow(
    string Dni, string FirstNames, string LastNames, Gender Gender, int BirthYear, string DistrictCode, string DistrictName,
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

    /// <summary>Index of the one numeric column; the others are text (DNI and UBIGEO keep their leading zeros).</summary>
    public const int BirthYearColumn = 4;

    /// <summary>Exporting many producers' personal data is for staff who work with them, not viewers.</summary>
    public static RouteHandlerBuilder MapProducerExport(this RouteGroupBuilder api) =>
        api.MapGet("/export", Export).RequireAuthorization(Policies.Specialist);

    static Results<PushStreamHttpResult, ValidationProblem> Export(
        string? format, [AsParameters] ProducerFilter filter, NetworksDb db, TimeProvider clock, CancellationToken ct)
    {
        var rows = Rows(db, filter);
        var name = $"productores-{clock.GetUtcNow():yyyyMMdd-HHmm}";
        return format?.Trim().ToLowerInvariant() switch
        {
            null or "" or "csv" => TypedResults.Stream(body => ProducerCsvWriter.WriteAsync(rows, body, ct), "text/csv; charset=utf-8", $"{name}.csv"),
            "xlsx" => TypedResults.Stream(body => ProducerXlsxWriter.WriteAsync(rows, body, ct), ImportRowSource.XlsxContentType, $"{name}.xlsx"),
            _ => ProducerProblems.Invalid("format", "Use format=csv or format=xlsx. / Use format=csv o format=xlsx."),
        };
    }

    public static IAsyncEnumerable<ProducerExportRow> Rows(NetworksDb db, ProducerFilter filter) =>
        (from p in db.Filtered(filter)
         join d in db.Districts on p.DistrictCode equals d.Code
         orderby p.LastNames, p.FirstNames, p.Id
         select new ProducerExportRow(p.Dni, p.FirstNames, p.LastNames, p.Gender, p.BirthYear, p.DistrictCode, d.Name, p.RegionCode,
             p.Phone, p.ConsentGiven, p.ConsentDate, p.IsActive, p.CreatedAt))
        .AsAsyncEnumerable();

    public static string?[] Values(ProducerExportRow row) =>
    [
        row.Dni, row.FirstNames, row.LastNames, row.Gender == Gender.Female ? "F" : "M",
        row.BirthYear.ToString(CultureInfo.InvariantCulture), row.DistrictCode, row.DistrictName, row.RegionCode,
        row.Phone, YesNo(row.ConsentGiven), row.ConsentDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        YesNo(row.IsActive), row.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    ];

    private static string YesNo(bool value) => value ? "si" : "no";
}
