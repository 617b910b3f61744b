using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using RedesPlataforma.Contracts.Networks;

namespace RedesPlataforma.Networks.Producers.Import;

/// <summary>One checked row of the staging table that has errors, with the values the messages quote.</summary>
public sealed record StagedRowErrors(int Line, IReadOnlyList<string> Codes, IReadOnlyDictionary<ImportField, string?> Values, IReadOnlyList<int> RepeatedOnLines);

/// <summary>Row counts; <c>ReniecOnlyUbigeo</c> rows had a code that exists only in RENIEC's numbering,
/// <c>AmbiguousUbigeo</c> rows one that is INEI's for one district and RENIEC's for another (read as INEI).</summary>
public sealed record StagingSummary(int Total, int Valid, int AmbiguousUbigeo, int ReniecOnlyUbigeo);

/// <summary>
/// The SQL half of the import, on the request's connection and transaction (tenant already set for row-level security).
/// PostgreSQL refuses COPY FROM into a table under row-level security, so rows are copied (binary COPY) into a
/// temporary table that disappears at commit or rollback, checked there in one statement, and moved into
/// <c>producers</c> with INSERT … SELECT, whose row-level-security WITH CHECK still applies. In the same transaction one
/// INSERT … SELECT queues the rows as ProducersImported events of up to 1,000 producers each, with the JSON
/// <c>AddIntegrationEvent</c> would write. The DNIs' keyed hashes are computed here, from the DNIs the check normalised,
/// because the key must not reach the database.
/// </summary>
public sealed class ImportStaging(NpgsqlConnection connection, Guid tenantId, Guid actorId, DateTimeOffset now, DniHasher hasher)
{
    private const int CommandTimeoutSeconds = 600;

    private static readonly ImportField[] CopiedFields =
        [ImportField.Dni, ImportField.FirstNames, ImportField.LastNames, ImportField.Gender, ImportField.BirthYear,
         ImportField.Ubigeo, ImportField.UbigeoReniec, ImportField.Phone, ImportField.Consent, ImportField.ConsentDate];

    /// <summary>
    /// Creates the staging table. For this transaction only: no JIT (compiling the check's many expressions costs more than
    /// it saves) and enough work_mem for the check's sorts and hashes to stay in memory.
    /// </summary>
    public async Task CreateAsync(CancellationToken ct) => await ExecuteAsync("""
        SET LOCAL jit = off;
        SET LOCAL work_mem = '64MB';
        CREATE TEMP TABLE producer_import (
            line integer NOT NULL, id uuid NOT NULL,
            dni text, first_names text, last_names text, gender text, birth_year text,
            ubigeo text, ubigeo_reniec text, phone text, consent text, consent_date text
        ) ON COMMIT DROP
        """, ct);

    /// <summary>Streams every row of the file into the staging table; ids are made here, so they are version 7 like EF's.</summary>
    public async Task<int> CopyAsync(IImportRowSource rows, ImportColumns columns, CancellationToken ct)
    {
        var ordinals = CopiedFields.Select(f => columns[f]).ToArray();
        var count = 0;
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY producer_import (line, id, dni, first_names, last_names, gender, birth_year,
                                  ubigeo, ubigeo_reniec, phone, consent, consent_date) FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            while (await rows.ReadAsync(ct))
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(rows.Line, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, ct);
                for (var i = 0; i < ordinals.Length; i++)
                {
                    var value = ordinals[i] is { } ordinal ? rows[ordinal] : null;
                    if (value is null) await copy.WriteNullAsync(ct);
                    else await copy.WriteAsync(IsName(CopiedFields[i]) ? ProducerRules.CleanName(value) : value, NpgsqlDbType.Text, ct);
                }
                count++;
            }
            await copy.CompleteAsync(ct);
        }
        await ExecuteAsync("ANALYZE producer_import", ct); // temporary tables get no statistics otherwise
        return count;
    }

    private static bool IsName(ImportField field) => field is ImportField.FirstNames or ImportField.LastNames;

    /// <summary>
    /// Checks every row in one pass into <c>producer_import_checked</c>: each row gets the list of its error codes
    /// (see <see cref="ImportMessages"/>) and, when valid, the normalised values to insert.
    /// </summary>
    public async Task<StagingSummary> CheckAsync(UbigeoCoding? coding, TimeProvider clock, CancellationToken ct)
    {
        await using var check = Command(CheckSql);
        check.Parameters.AddWithValue("tenant", tenantId);
        check.Parameters.AddWithValue("coding", coding?.ToString().ToLowerInvariant() ?? "auto");
        check.Parameters.AddWithValue("min_year", ProducerRules.MinBirthYear);
        check.Parameters.AddWithValue("max_year", ProducerRules.MaxBirthYear(clock));
        check.Parameters.AddWithValue("name_max", ProducerRules.NameMaxLength);
        check.Parameters.AddWithValue("phone_max", ProducerRules.PhoneMaxLength);
        check.Parameters.AddWithValue("phone_pattern", ProducerRules.PhonePattern);
        check.Parameters.AddWithValue("today", DateOnly.FromDateTime(now.UtcDateTime));
        await check.ExecuteNonQueryAsync(ct);

        await using var summary = Command("""
            SELECT count(*)::int, (count(*) FILTER (WHERE cardinality(errors) = 0))::int,
                   (count(*) FILTER (WHERE ambiguous_ubigeo))::int, (count(*) FILTER (WHERE reniec_only_ubigeo))::int
            FROM producer_import_checked
            """);
        await using var reader = await summary.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new StagingSummary(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3));
    }

    public async Task<List<StagedRowErrors>> ErrorsAsync(CancellationToken ct)
    {
        await using var command = Command("""
            SELECT line, errors, dni, first_names, last_names, gender, birth_year, coalesce(ubigeo_reniec, ubigeo), phone, consent, consent_date, repeated_on
            FROM producer_import_checked WHERE cardinality(errors) > 0 ORDER BY line
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<StagedRowErrors>();
        while (await reader.ReadAsync(ct))
        {
            var values = new Dictionary<ImportField, string?>
            {
                [ImportField.Dni] = Text(2), [ImportField.FirstNames] = Text(3), [ImportField.LastNames] = Text(4),
                [ImportField.Gender] = Text(5), [ImportField.BirthYear] = Text(6), [ImportField.Ubigeo] = Text(7),
                [ImportField.Phone] = Text(8), [ImportField.Consent] = Text(9), [ImportField.ConsentDate] = Text(10),
            };
            rows.Add(new StagedRowErrors(reader.GetInt32(0), reader.GetFieldValue<string[]>(1), values,
                reader.IsDBNull(11) ? [] : reader.GetFieldValue<int[]>(11)));
        }
        return rows;

        string? Text(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    /// <summary>
    /// Inserts the valid rows and queues their ProducersImported events (in file order); returns how many. The INSERT
    /// either writes every valid row or fails, so the events are selected from the same rows rather than from RETURNING.
    /// </summary>
    public async Task<int> InsertValidAsync(CancellationToken ct)
    {
        await using var producers = Command(InsertProducersSql);
        producers.Parameters.AddWithValue("tenant", tenantId);
        producers.Parameters.AddWithValue("actor", actorId);
        producers.Parameters.AddWithValue("now", now);
        var inserted = await producers.ExecuteNonQueryAsync(ct);

        var (ids, hashes) = await DniHashesAsync(ct);
        await using var events = Command(QueueEventsSql);
        events.Parameters.AddWithValue("ids", ids);
        events.Parameters.AddWithValue("hashes", hashes);
        events.Parameters.AddWithValue("tenant", tenantId);
        events.Parameters.AddWithValue("now", now);
        events.Parameters.AddWithValue("registered_at", JsonSerializer.Serialize(now, JsonSerializerOptions.Web).Trim('"'));
        events.Parameters.AddWithValue("import", Guid.CreateVersion7());
        events.Parameters.AddWithValue("per_message", ProducersImported.MaxProducers);
        events.Parameters.AddWithValue("message_type", $"{typeof(ProducersImported).FullName}, {typeof(ProducersImported).Assembly.GetName().Name}");
        await events.ExecuteNonQueryAsync(ct);
        return inserted;
    }

    /// <summary>The valid rows' ids and the keyed hashes of their DNIs, for the events.</summary>
    private async Task<(List<Guid> Ids, List<string> Hashes)> DniHashesAsync(CancellationToken ct)
    {
        await using var command = Command("SELECT id, dni_ok FROM producer_import_checked WHERE cardinality(errors) = 0");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var (ids, hashes) = (new List<Guid>(), new List<string>());
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetGuid(0));
            hashes.Add(hasher.Hash(reader.GetString(1)));
        }
        return (ids, hashes);
    }

    private NpgsqlCommand Command(string sql) => new(sql, connection) { CommandTimeout = CommandTimeoutSeconds };

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = Command(sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    // "cleaned" is MATERIALIZED so that each value is cleaned once, not again at every reference below.
    // Evaluation order matters where a cast could fail (make_date on 31 February): nested CASEs guarantee it.
    private const string CheckSql = """
        CREATE TEMP TABLE producer_import_checked ON COMMIT DROP AS
        WITH cleaned AS MATERIALIZED (
            SELECT s.*,
                upper(translate(s.dni, ' .-', '')) AS dni_clean,
                lower(s.gender) AS gender_clean,
                CASE WHEN s.ubigeo ~ '^[0-9]{5}$' THEN '0' || s.ubigeo ELSE s.ubigeo END AS ubigeo_clean,
                CASE WHEN s.ubigeo_reniec ~ '^[0-9]{5}$' THEN '0' || s.ubigeo_reniec ELSE s.ubigeo_reniec END AS reniec_clean,
                lower(s.consent) AS consent_clean,
                CASE WHEN s.consent_date ~ '^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$'
                         THEN ARRAY[split_part(s.consent_date, '-', 1), split_part(s.consent_date, '-', 2), split_part(s.consent_date, '-', 3)]::int[]
                     WHEN s.consent_date ~ '^[0-9]{1,2}[/-][0-9]{1,2}[/-][0-9]{4}$'
                         THEN ARRAY[split_part(translate(s.consent_date, '-', '/'), '/', 3), split_part(translate(s.consent_date, '-', '/'), '/', 2),
                                    split_part(translate(s.consent_date, '-', '/'), '/', 1)]::int[]
                END AS ymd
            FROM producer_import s
        ), parsed AS (
            SELECT c.*,
                CASE WHEN c.dni_clean ~ '^[0-9]{8}$' THEN c.dni_clean
                     WHEN c.dni_clean ~ '^[0-9]{8}[0-9A-K]$' THEN
                        CASE WHEN right(c.dni_clean, 1) IN (substr('67890112345', k.index + 1, 1), substr('KABCDEFGHIJ', k.index + 1, 1))
                             THEN left(c.dni_clean, 8) END
                END::character(8) AS dni_ok,
                CASE WHEN c.gender_clean IN ('f', 'female', 'femenino', 'mujer') THEN 'Female'
                     WHEN c.gender_clean IN ('m', 'male', 'masculino', 'hombre', 'varon', 'varón') THEN 'Male' END AS gender_ok,
                CASE WHEN c.birth_year ~ '^[0-9]{4}(\.0+)?$' THEN split_part(c.birth_year, '.', 1)::int END AS birth_year_ok,
                CASE WHEN c.consent_clean IN ('si', 'sí', 's', 'yes', 'y', 'true', 'verdadero', '1', 'x') THEN true
                     WHEN c.consent_clean IN ('no', 'n', 'false', 'falso', '0') THEN false END AS consent_ok,
                CASE WHEN c.consent_date ~ '^[0-9]{5}(\.0+)?$' THEN date '1899-12-30' + split_part(c.consent_date, '.', 1)::int
                     WHEN c.ymd[1] BETWEEN 1900 AND 2999 AND c.ymd[2] BETWEEN 1 AND 12 AND c.ymd[3] BETWEEN 1 AND 31 THEN
                        CASE WHEN c.ymd[3] <= extract(day FROM make_date(c.ymd[1], c.ymd[2], 1) + interval '1 month - 1 day')
                             THEN make_date(c.ymd[1], c.ymd[2], c.ymd[3]) END
                END AS consent_date_ok,
                coalesce(di.code, dr.code) AS district_code,
                coalesce(di.region_code, dr.region_code) AS region_code,
                (di.code IS NOT NULL AND dr.code IS NOT NULL AND di.code <> dr.code) AS ambiguous_ubigeo,
                (c.reniec_clean IS NULL AND @coding = 'auto' AND di.code IS NULL AND dr.code IS NOT NULL) AS reniec_only_ubigeo
            FROM cleaned c
            CROSS JOIN LATERAL (SELECT CASE WHEN c.dni_clean ~ '^[0-9]{8}[0-9A-K]$' THEN
                (11 - (3 * substr(c.dni_clean, 1, 1)::int + 2 * substr(c.dni_clean, 2, 1)::int + 7 * substr(c.dni_clean, 3, 1)::int
                     + 6 * substr(c.dni_clean, 4, 1)::int + 5 * substr(c.dni_clean, 5, 1)::int + 4 * substr(c.dni_clean, 6, 1)::int
                     + 3 * substr(c.dni_clean, 7, 1)::int + 2 * substr(c.dni_clean, 8, 1)::int) % 11) % 11 END AS index) k
            LEFT JOIN districts di ON di.code = CASE WHEN c.reniec_clean IS NULL AND @coding IN ('auto', 'inei') THEN c.ubigeo_clean END
            LEFT JOIN districts dr ON dr.reniec_code = coalesce(c.reniec_clean, CASE WHEN @coding IN ('auto', 'reniec') THEN c.ubigeo_clean END)
        ), repeated AS (
            SELECT dni_ok, array_agg(line ORDER BY line) AS lines FROM parsed WHERE dni_ok IS NOT NULL GROUP BY dni_ok HAVING count(*) > 1
        )
        SELECT p.line, p.id, p.dni, p.first_names, p.last_names, p.gender, p.birth_year, p.ubigeo, p.ubigeo_reniec,
               p.phone, p.consent, p.consent_date, p.dni_ok, p.gender_ok, p.birth_year_ok, p.consent_date_ok,
               p.district_code, p.region_code, p.ambiguous_ubigeo, p.reniec_only_ubigeo, r.lines AS repeated_on,
               array_remove(ARRAY[
                   CASE WHEN p.dni IS NULL THEN 'dni.missing' WHEN p.dni_ok IS NULL THEN 'dni.invalid' END,
                   CASE WHEN r.lines IS NOT NULL THEN 'dni.repeated' END,
                   CASE WHEN p.dni_ok IS NOT NULL AND EXISTS (SELECT 1 FROM producers x WHERE x.tenant_id = @tenant AND x.dni = p.dni_ok)
                        THEN 'dni.registered' END,
                   CASE WHEN p.first_names IS NULL THEN 'first_names.missing' WHEN length(p.first_names) > @name_max THEN 'first_names.too_long' END,
                   CASE WHEN p.last_names IS NULL THEN 'last_names.missing' WHEN length(p.last_names) > @name_max THEN 'last_names.too_long' END,
                   CASE WHEN p.gender IS NULL THEN 'gender.missing' WHEN p.gender_ok IS NULL THEN 'gender.invalid' END,
                   CASE WHEN p.birth_year IS NULL THEN 'birth_year.missing'
                        WHEN p.birth_year_ok IS NULL OR p.birth_year_ok NOT BETWEEN @min_year AND @max_year THEN 'birth_year.invalid' END,
                   CASE WHEN p.ubigeo IS NULL AND p.ubigeo_reniec IS NULL THEN 'ubigeo.missing' WHEN p.district_code IS NULL THEN 'ubigeo.unknown' END,
                   CASE WHEN p.phone IS NOT NULL AND (length(p.phone) > @phone_max OR p.phone !~ @phone_pattern) THEN 'phone.invalid' END,
                   CASE WHEN p.consent IS NULL THEN 'consent.missing' WHEN p.consent_ok IS NULL THEN 'consent.invalid'
                        WHEN NOT p.consent_ok THEN 'consent.not_given' END,
                   CASE WHEN p.consent_ok IS NOT TRUE THEN NULL
                        WHEN p.consent_date IS NULL THEN 'consent_date.missing'
                        WHEN p.consent_date_ok IS NULL THEN 'consent_date.invalid'
                        WHEN p.consent_date_ok > @today THEN 'consent_date.future' END
               ], NULL) AS errors
        FROM parsed p
        LEFT JOIN repeated r ON r.dni_ok = p.dni_ok
        """;

    private const string InsertProducersSql = """
        INSERT INTO producers (id, tenant_id, dni, first_names, last_names, gender, birth_year, district_code, region_code, phone,
                               consent_given, consent_date, is_active, registered_by, created_at, created_by, updated_at, updated_by)
        SELECT id, @tenant, dni_ok, first_names, last_names, gender_ok, birth_year_ok, district_code, region_code, phone,
               true, consent_date_ok, true, @actor, @now, @actor, @now, @actor
        FROM producer_import_checked
        WHERE cardinality(errors) = 0
        """;

    // The body is what AddIntegrationEvent writes for ProducersImported: System.Text.Json's web defaults (camelCase),
    // producers in file order. The messages share the import as aggregate, so the dispatcher sends them in order.
    private const string QueueEventsSql = """
        INSERT INTO outbox_messages (id, tenant_id, aggregate_id, message_type, body, occurred_at, next_attempt_at, attempts)
        SELECT gen_random_uuid(), @tenant, @import::text, @message_type,
               jsonb_build_object('tenantId', @tenant, 'importId', @import, 'registeredAt', @registered_at,
                   'producers', jsonb_agg(jsonb_build_object('producerId', valid.id, 'regionCode', region_code, 'districtCode', district_code,
                                                             'gender', gender_ok, 'birthYear', birth_year_ok, 'dniHash', h.dni_hash) ORDER BY line)),
               @now, @now, 0
        FROM (SELECT *, (row_number() OVER (ORDER BY line) - 1) / @per_message AS part
              FROM producer_import_checked WHERE cardinality(errors) = 0) valid
        JOIN unnest(@ids::uuid[], @hashes::text[]) AS h(id, dni_hash) ON h.id = valid.id
        GROUP BY part
        ORDER BY part
        """;
}
