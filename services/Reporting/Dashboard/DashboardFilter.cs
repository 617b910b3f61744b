using System.Globalization;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.Reporting.Cells;

namespace RedesPlataforma.Reporting.Dashboard;

/// <summary>
/// The dashboard's filters. There is no tenant among them: the tenant is the caller's, from the token. <c>from</c> and
/// <c>to</c> are months (<c>yyyy-MM</c>, inclusive) and select facts by the month they happened in (registration,
/// approval, disbursement, contribution, monitoring period); network counts are the networks as they are now. A filter
/// applies to the figures that have its dimension: producers have a region but no value chain or phase.
/// </summary>
public sealed record DashboardFilter(string? Region, string? Chain, int? Phase, string? From, string? To)
{
    public DateOnly? FromMonth => Month(From);
    public DateOnly? ToMonth => Month(To);

    /// <summary>Problems by parameter name, or null when the filters are usable.</summary>
    public Dictionary<string, string[]>? Problems()
    {
        var problems = new Dictionary<string, string[]>();
        if (Region is not null && !Regions.IsKnown(Region))
            problems["region"] = [$"Unknown region {Region}; use an ISO 3166-2 code such as PE-CUS. / Región desconocida {Region}; use un código ISO 3166-2 como PE-CUS."];
        if (Chain is not null && (string.IsNullOrWhiteSpace(Chain) || Chain.Length > 40))
            problems["chain"] = ["A value chain code has 1 to 40 characters. / Un código de cadena tiene de 1 a 40 caracteres."];
        if (Phase is < 0 or > 4)
            problems["phase"] = ["Phases go from 0 to 4. / Las fases van de 0 a 4."];
        foreach (var (name, value) in new[] { ("from", From), ("to", To) })
            if (value is not null && Month(value) is null)
                problems[name] = [$"Write the month as yyyy-MM, e.g. 2025-03. / Escriba el mes como aaaa-MM, p. ej. 2025-03."];
        if (FromMonth > ToMonth)
            problems["to"] = ["The period ends before it starts. / El periodo termina antes de empezar."];
        return problems.Count > 0 ? problems : null;
    }

    public CellFilter ForTenant(Guid tenantId) =>
        new(tenantId, Region is null ? null : Regions.Find(Region)!.Code, Chain?.Trim(), Phase, FromMonth, ToMonth);

    private static DateOnly? Month(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;
}
