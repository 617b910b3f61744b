using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.Networks.Infrastructure;

namespace RedesPlataforma.Networks.Producers.Import;

public sealed record ImportFile(Stream Content, string FileName, string? ContentType);

/// <summary>How to import: all-or-nothing or only the valid rows; a dry run checks and reports but never writes.
/// <c>UbigeoCodes</c> says which numbering a plain <c>ubigeo</c> column uses (null: INEI when the code is one, else RENIEC).</summary>
public sealed record ImportOptions(ImportMode Mode, bool DryRun, UbigeoCoding? UbigeoCodes);

/// <summary>
/// Bulk registration of producers from a CSV or .xlsx file, for the current tenant, as <c>actorId</c>. The file is
/// streamed row by row into a staging table with binary COPY, checked in SQL and inserted with INSERT … SELECT, all in one
/// transaction on the context's connection (opened through EF, so row-level security sees the tenant).
/// </summary>
public sealed class ProducerImport(NetworksDb db, TimeProvider clock, DniHasher hasher, ILogger<ProducerImport> logger)
{
    public const long MaxFileBytes = 50L * 1024 * 1024;

    /// <exception cref="ImportFileException">The file as a whole cannot be imported (type, encoding, columns, no rows).</exception>
    public async Task<ImportReport> RunAsync(ImportFile file, ImportOptions options, Guid actorId, CancellationToken ct)
    {
        var format = ImportRowSource.Detect(file.FileName, file.ContentType) ?? throw ImportFileException.Unsupported(file.FileName);
        if (file.Content.CanSeek && file.Content.Length == 0) throw ImportFileException.Empty();
        using var rows = await ImportRowSource.OpenAsync(file.Content, format, ct);
        var columns = ImportColumns.Resolve(rows.Header);
        var tenantId = db.RequiredTenantId();
        var now = Microseconds(clock.GetUtcNow());

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
            var staging = new ImportStaging((NpgsqlConnection)db.Database.GetDbConnection(), tenantId, actorId, now, hasher);
            var started = Stopwatch.GetTimestamp();
            await staging.CreateAsync(ct);
            if (await staging.CopyAsync(rows, columns, ct) == 0) throw ImportFileException.NoRows();
            var copied = Stopwatch.GetTimestamp();

            var summary = await staging.CheckAsync(options.UbigeoCodes, clock, ct);
            var invalid = summary.Total - summary.Valid;
            var errors = invalid > 0 ? await staging.ErrorsAsync(ct) : [];
            var checkedAt = Stopwatch.GetTimestamp();
            var write = !options.DryRun && summary.Valid > 0 && (invalid == 0 || options.Mode == ImportMode.ValidOnly);
            var inserted = write ? await staging.InsertValidAsync(ct) : 0;
            if (write) await transaction.CommitAsync(ct);
            logger.LogInformation(
                "Producer import of {Rows} rows ({Format}, {Mode}, dry run {DryRun}): {Inserted} inserted, {Invalid} invalid; read+COPY {CopyMs:0} ms, check {CheckMs:0} ms, insert+commit {InsertMs:0} ms",
                summary.Total, format, options.Mode, options.DryRun, inserted, invalid, Stopwatch.GetElapsedTime(started, copied).TotalMilliseconds,
                Stopwatch.GetElapsedTime(copied, checkedAt).TotalMilliseconds, Stopwatch.GetElapsedTime(checkedAt).TotalMilliseconds);

            var maxYear = ProducerRules.MaxBirthYear(clock);
            var report = new ImportReport(file.FileName, format, ImportModes.Name(options.Mode), options.DryRun,
                summary.Total, summary.Valid, invalid, inserted, write, "", Warnings(columns, summary),
                [.. errors.Select(e => ImportMessages.Describe(e, maxYear))]);
            return report with { Message = ImportMessages.Summary(report, options.Mode) };
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>PostgreSQL keeps microseconds: the events' RegisteredAt then equals the rows' created_at exactly.</summary>
    private static DateTimeOffset Microseconds(DateTimeOffset at) => new(at.Ticks - at.Ticks % 10, TimeSpan.Zero);

    private static List<string> Warnings(ImportColumns columns, StagingSummary summary)
    {
        var warnings = new List<string>();
        if (columns.Ignored.Count > 0) warnings.Add(ImportMessages.IgnoredColumns(columns.Ignored));
        // Half of all INEI codes are also RENIEC codes of another district, so ambiguity alone says nothing; a file that
        // also holds codes only RENIEC uses is probably RENIEC-coded throughout, and its ambiguous rows were likely misread.
        if (summary.AmbiguousUbigeo > 0 && summary.ReniecOnlyUbigeo > 0)
            warnings.Add(ImportMessages.MixedUbigeo(summary.ReniecOnlyUbigeo, summary.AmbiguousUbigeo));
        return warnings;
    }
}
