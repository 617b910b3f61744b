using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Persistence;
using RedesPlataforma.Contracts.Networks;
using RedesPlataforma.Networks.Infrastructure;
using RedesPlataforma.Networks.Producers;
using RedesPlataforma.Networks.Producers.Import;
using RedesPlataforma.Testing;
using Scenario = RedesPlataforma.Testing.Scenario;

namespace RedesPlataforma.Networks.FunctionalTests;

[Collection(NetworksHost.Name)]
public sealed class ProducerImportTests(NetworksApp app)
{
    /// <summary>
    /// Lines 2, 12 and 14 are good (12 has a DNI with its check character, Spanish words and a day/month/year date;
    /// 14 a UBIGEO whose leading zero a spreadsheet dropped); line 13 is blank; every other line has something wrong.
    /// </summary>
    private static (byte[] File, string[] GoodDnis) MixedFile(string registeredDni)
    {
        string[] good = [ProducerScenario.NewDni(), ProducerScenario.NewDni(), ProducerScenario.NewDni()];
        var repeated = ProducerScenario.NewDni();
        var check = RedesPlataforma.BuildingBlocks.Peru.Dni.CheckCharacter(good[1]).Letter;
        var file = ProducerScenario.Csv(
            ProducerScenario.CsvRow(good[0]),                                                           // 2
            ProducerScenario.CsvRow("1234567"),                                                         // 3 bad DNI
            ProducerScenario.CsvRow(ProducerScenario.NewDni(), ubigeo: "999999"),                       // 4 unknown UBIGEO
            ProducerScenario.CsvRow(repeated),                                                          // 5 repeated in the file
            ProducerScenario.CsvRow(repeated, firstNames: "Otra"),                                      // 6 repeated in the file
            ProducerScenario.CsvRow(registeredDni),                                                     // 7 already registered
            ProducerScenario.CsvRow(ProducerScenario.NewDni(), firstNames: ""),                         // 8 no first names
            ProducerScenario.CsvRow(ProducerScenario.NewDni(), gender: "X", birthYear: "1900"),         // 9 two problems
            ProducerScenario.CsvRow(ProducerScenario.NewDni(), consent: "no"),                          // 10 no consent
            ProducerScenario.CsvRow(ProducerScenario.NewDni(), consentDate: "31/02/2025"),              // 11 no such date
            ProducerScenario.CsvRow($"{good[1]}-{char.ToLowerInvariant(check)}", gender: "masculino", consent: "Sí", consentDate: "15/01/2025"), // 12
            "",                                                                                         // 13 blank
            ProducerScenario.CsvRow(good[2], ubigeo: "80101"));                                         // 14
        return (file, good);
    }

    private static readonly (int Line, string[] Codes)[] MixedFileErrors =
    [
        (3, ["dni.invalid"]), (4, ["ubigeo.unknown"]), (5, ["dni.repeated"]), (6, ["dni.repeated"]), (7, ["dni.registered"]),
        (8, ["first_names.missing"]), (9, ["gender.invalid", "birth_year.invalid"]), (10, ["consent.not_given"]), (11, ["consent_date.invalid"]),
    ];

    [Fact]
    public async Task A_dry_run_reports_every_bad_row_with_its_line_and_reasons_and_writes_nothing()
    {
        var tenant = await app.Tenants.OnboardAsync();
        var admin = await app.ClientForAsync(tenant.AdminEmail, Scenario.Password);
        var registered = await admin.RegisterAsync(ProducerScenario.Request());
        var (file, _) = MixedFile(registered.Dni!);

        var report = await (await admin.ImportAsync("productores.csv", file)).ReadAsync<ImportReport>();

        Assert.Equal((true, "all-or-nothing", 12, 3, 9, 0, false), (report.DryRun, report.Mode, report.TotalRows, report.ValidRows, report.InvalidRows, report.Inserted, report.Committed));
        Assert.Equal(MixedFileErrors.Select(e => (e.Line, string.Join(" ", e.Codes))), report.Errors.Select(e => (e.Line, string.Join(" ", e.Reasons.Select(r => r.Code)))));
        var repeated = report.Errors.Single(e => e.Line == 5).Reasons.Single();
        Assert.Equal("dni", repeated.Field);
        Assert.Contains("lines 5, 6", repeated.Message);
        Assert.Contains("líneas 5, 6", repeated.Message);
        Assert.Contains("'999999'", report.Errors.Single(e => e.Line == 4).Reasons.Single().Message);
        Assert.Contains("Ley 29733", report.Errors.Single(e => e.Line == 10).Reasons.Single().Message);
        Assert.Equal(1, (await admin.PageAsync<ProducerSummary>("/api/producers")).TotalCount);
    }

    [Fact]
    public async Task An_all_or_nothing_import_with_bad_rows_is_refused_with_422_and_writes_nothing()
    {
        var tenant = await app.Tenants.OnboardAsync();
        var admin = await app.ClientForAsync(tenant.AdminEmail, Scenario.Password);
        var registered = await admin.RegisterAsync(ProducerScenario.Request());
        var (file, _) = MixedFile(registered.Dni!);

        var response = await admin.ImportAsync("productores.csv", file, "mode=all-or-nothing&dryRun=false");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var report = JsonSerializer.Deserialize<ImportReport>(await response.Content.ReadAsStringAsync(), Json.Options)!;
        Assert.Equal((false, 0, false, 9), (report.DryRun, report.Inserted, report.Committed, report.Errors.Count));
        Assert.StartsWith("Nothing was imported", report.Message);
        Assert.Equal(1, (await admin.PageAsync<ProducerSummary>("/api/producers")).TotalCount);
        Assert.Equal(1, await ProducerScenario.ScalarAsync(app, "SELECT count(*) FROM outbox_messages WHERE tenant_id = @tenant AND message_type LIKE '%.Networks.Producer%'", tenant.TenantId));
    }

    [Fact]
    public async Task A_valid_only_import_writes_the_good_rows_as_the_importing_specialist_and_skips_the_bad_ones()
    {
        var tenant = await app.Tenants.OnboardAsync();
        var admin = await app.ClientForAsync(tenant.AdminEmail, Scenario.Password);
        var (specialistId, specialist) = await ProducerScenario.StaffClientAsync(app, tenant, "Specialist");
        var (_, otherSpecialist) = await ProducerScenario.StaffClientAsync(app, tenant, "Specialist");
        var registered = await admin.RegisterAsync(ProducerScenario.Request());
        var (file, good) = MixedFile(registered.Dni!);

        var report = await (await specialist.ImportAsync("productores.csv", file, "mode=valid-only&dryRun=false")).ReadAsync<ImportReport>();

        Assert.Equal((3, 9, true), (report.Inserted, report.InvalidRows, report.Committed));
        var imported = await Task.WhenAll(good.Select(async dni =>
            await (await specialist.GetAsync($"/api/producers/{Assert.Single((await specialist.PageAsync<ProducerSummary>($"/api/producers?search={dni}")).Items).Id}")).ReadAsync<ProducerDto>()));
        Assert.All(imported, p => Assert.Equal((specialistId, "080101", "PE-CUS", true), (p.RegisteredBy, p.DistrictCode, p.RegionCode, p.IsActive)));
        Assert.Equal((Gender.Male, new DateOnly(2025, 1, 15)), (imported[1].Gender, imported[1].ConsentDate));
        Assert.Equal(4, (await admin.PageAsync<ProducerSummary>("/api/producers")).TotalCount);

        // Who registered them decides who may edit them, as for producers registered one by one.
        var change = ProducerScenario.Request(dni: imported[0].Dni) with { FirstNames = "Editada" };
        Assert.Equal(HttpStatusCode.Forbidden, (await otherSpecialist.PutAsJsonAsync($"/api/producers/{imported[0].Id}", change, Json.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await specialist.PutAsJsonAsync($"/api/producers/{imported[0].Id}", change, Json.Options)).StatusCode);
    }

    [Fact]
    public async Task A_file_without_required_columns_is_refused_with_400_naming_each_missing_column()
    {
        var admin = await ProducerScenario.AdminClientAsync(app);
        var file = Encoding.UTF8.GetBytes($"DNI,Nombres,Apellidos,Año de nacimiento,Teléfono,Consentimiento,Comentario\n{ProducerScenario.NewDni()},Rosa,Quispe,1980,984111222,si,x\n");

        var errors = await FileErrorsAsync(await admin.ImportAsync("productores.csv", file, "dryRun=false"));

        Assert.Equal(3, errors.Length);
        Assert.Contains(errors, e => e.Contains("'gender'") && e.Contains("sexo"));
        Assert.Contains(errors, e => e.Contains("'consent_date'"));
        Assert.Contains(errors, e => e.Contains("'ubigeo'"));
    }

    [Fact]
    public async Task A_file_that_is_not_UTF8_is_refused_as_wrong_encoding_and_nothing_is_written()
    {
        var admin = await ProducerScenario.AdminClientAsync(app);
        var utf8 = ProducerScenario.Csv(ProducerScenario.CsvRow(ProducerScenario.NewDni()), ProducerScenario.CsvRow(ProducerScenario.NewDni(), lastNames: "Peña Ñahui"));
        var latin1 = Encoding.Latin1.GetBytes(Encoding.UTF8.GetString(utf8)); // how Excel's plain "CSV" saves it

        var errors = await FileErrorsAsync(await admin.ImportAsync("productores.csv", latin1, "mode=valid-only&dryRun=false"));

        Assert.Contains(errors, e => e.Contains("wrong encoding, save as UTF-8") && e.Contains("UTF-8"));
        Assert.Equal(0, (await admin.PageAsync<ProducerSummary>("/api/producers")).TotalCount);
    }

    [Fact]
    public async Task Empty_header_only_and_unsupported_files_are_refused_with_400()
    {
        var admin = await ProducerScenario.AdminClientAsync(app);

        Assert.Contains(await FileErrorsAsync(await admin.ImportAsync("vacio.csv", [])), e => e.Contains("empty"));
        Assert.Contains(await FileErrorsAsync(await admin.ImportAsync("vacio.csv", Encoding.UTF8.GetBytes("\n\n"))), e => e.Contains("empty"));
        Assert.Contains(await FileErrorsAsync(await admin.ImportAsync("solo-encabezado.csv", ProducerScenario.Csv())), e => e.Contains("no producers"));
        Assert.Contains(await FileErrorsAsync(await admin.ImportAsync("productores.xls", [0xD0, 0xCF, 0x11, 0xE0], contentType: "application/vnd.ms-excel")), e => e.Contains("not a supported file type"));
        Assert.Contains(await FileErrorsAsync(await admin.ImportAsync("productores.xlsx", Encoding.UTF8.GetBytes("no soy un zip"))), e => e.Contains("not a readable .xlsx"));
        await ProducerScenario.AssertProblemAsync(await admin.ImportAsync("p.csv", ProducerScenario.Csv(ProducerScenario.CsvRow(ProducerScenario.NewDni())), "mode=some"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Spanish_headers_semicolons_a_BOM_and_quoted_fields_are_read()
    {
        var admin = await ProducerScenario.AdminClientAsync(app);
        var dni = ProducerScenario.NewDni();
        var text = "\uFEFFDNI;Nombres;Apellidos;Sexo;Año de nacimiento;Ubigeo;Teléfono;Consentimiento;Fecha de consentimiento\r\n" +
                   $"{dni};\"Ana; María\";Ñahui Cóndor;Femenino;1979;210101;;SI;02/03/2024\r\n";

        var report = await (await admin.ImportAsync("productores.csv", Encoding.UTF8.GetBytes(text), "dryRun=false")).ReadAsync<ImportReport>();

        Assert.Equal(1, report.Inserted);
        Assert.Empty(report.Warnings);
        var producer = await ProducerByDniAsync(admin, dni);
        Assert.Equal(("Ana; María", "Ñahui Cóndor", Gender.Female, 1979, "PE-PUN", (string?)null, new DateOnly(2024, 3, 2)),
            (producer.FirstNames, producer.LastNames, producer.Gender, producer.BirthYear, producer.RegionCode, producer.Phone, producer.ConsentDate));
    }

    [Fact]
    public async Task RENIEC_codes_are_accepted_on_import_and_stored_as_INEI_codes()
    {
        var admin = await ProducerScenario.AdminClientAsync(app);
        string[] dnis = [ProducerScenario.NewDni(), ProducerScenario.NewDni(), ProducerScenario.NewDni(), ProducerScenario.NewDni()];

        var reniecColumn = Encoding.UTF8.GetBytes($"dni,first_names,last_names,gender,birth_year,ubigeo_reniec,consent,consent_date\n{dnis[0]},Rosa,Quispe,F,1980,240101,si,2025-01-10\n");
        Assert.Equal(1, (await (await admin.ImportAsync("a.csv", reniecColumn, "dryRun=false")).ReadAsync<ImportReport>()).Inserted);
        var reniecParameter = ProducerScenario.Csv(ProducerScenario.CsvRow(dnis[1], ubigeo: "240101"));
        Assert.Equal(1, (await (await admin.ImportAsync("b.csv", reniecParameter, "dryRun=false&ubigeoCodes=RENIEC")).ReadAsync<ImportReport>()).Inserted);

        // Without a hint, INEI's reading of an ambiguous code wins; a code only RENIEC has (010404, Colcamar) is read as
        // RENIEC's, and the mix earns a warning.
        var mixed = ProducerScenario.Csv(ProducerScenario.CsvRow(dnis[2], ubigeo: "240101"), ProducerScenario.CsvRow(dnis[3], ubigeo: "010404"));
        var report = await (await admin.ImportAsync("c.csv", mixed, "dryRun=false")).ReadAsync<ImportReport>();

        Assert.Equal(("070101", "PE-CAL"), await PlaceAsync(dnis[0]));
        Assert.Equal(("070101", "PE-CAL"), await PlaceAsync(dnis[1]));
        Assert.Equal(("240101", "PE-TUM"), await PlaceAsync(dnis[2]));
        Assert.Equal(("010504", "PE-AMA"), await PlaceAsync(dnis[3]));
        Assert.Contains(report.Warnings, w => w.Contains("ubigeoCodes=reniec"));
        var inei = await (await admin.ImportAsync("d.csv", ProducerScenario.Csv(ProducerScenario.CsvRow(ProducerScenario.NewDni(), ubigeo: "240101")))).ReadAsync<ImportReport>();
        Assert.Empty(inei.Warnings);
        Assert.Equal(400, (int)(await admin.ImportAsync("e.csv", reniecParameter, "ubigeoCodes=ine")).StatusCode);

        async Task<(string, string)> PlaceAsync(string dni) => await ProducerByDniAsync(admin, dni) is var p ? (p.DistrictCode, p.RegionCode) : default;
    }

    [Fact]
    public async Task An_xlsx_workbook_with_shared_strings_numbers_date_serials_and_gaps_is_imported_with_sheet_row_numbers()
    {
        var admin = await ProducerScenario.AdminClientAsync(app);
        var (good, bad) = (ProducerScenario.NewDni(), ProducerScenario.NewDni());
        var workbook = Xlsx(
            ["DNI", "Nombres", "Apellidos", "Sexo", "Año de nacimiento", "Ubigeo", "Teléfono", "Consentimiento", "Fecha de consentimiento"],
            null,                                                                                   // row 2: empty
            [good, "Rosa", "Quispe Mamani", "F", 1980, "080101", null, "si", 45672],               // row 3: serial 45672 = 2025-01-15, no phone cell
            [bad, "Luis", "Mamani", "M", 1985, "999999", "984000111", "si", "2025-01-10"]);         // row 4: unknown UBIGEO

        var report = await (await admin.ImportAsync("productores.xlsx", workbook, "mode=valid-only&dryRun=false")).ReadAsync<ImportReport>();

        Assert.Equal((ImportFormat.Xlsx, 2, 1, 1), (report.Format, report.TotalRows, report.ValidRows, report.Inserted));
        var error = Assert.Single(report.Errors);
        Assert.Equal((4, "ubigeo.unknown"), (error.Line, Assert.Single(error.Reasons).Code));
        var producer = await ProducerByDniAsync(admin, good);
        Assert.Equal(("Quispe Mamani", 1980, "080101", (string?)null, new DateOnly(2025, 1, 15)),
            (producer.LastNames, producer.BirthYear, producer.DistrictCode, producer.Phone, producer.ConsentDate));
    }

    [Fact]
    public async Task Imported_producers_are_queued_a_thousand_per_event_as_AddIntegrationEvent_would_and_each_event_reaches_a_consumer_once()
    {
        await using var probe = await EventProbe.StartAsync(app.Tenants.Broker, typeof(ProducersImported));
        var tenant = await app.Tenants.OnboardAsync();
        var admin = await app.ClientForAsync(tenant.AdminEmail, Scenario.Password);
        var rows = Enumerable.Range(0, 2_500).Select(i => ProducerScenario.CsvRow(ProducerScenario.NewDni(), ubigeo: i % 2 == 0 ? "080101" : "210101",
            gender: i % 3 == 0 ? "M" : "F", birthYear: (1950 + i % 50).ToString())).ToArray();

        var report = await (await admin.ImportAsync("productores.csv", ProducerScenario.Csv(rows), "dryRun=false")).ReadAsync<ImportReport>();
        Assert.Equal(2_500, report.Inserted);

        await using var scope = TenantScope.Begin(app.Services, new TenantInfo(tenant.TenantId, "t", "t"));
        var db = scope.Services.GetRequiredService<NetworksDb>();
        var producers = await db.Producers.AsNoTracking().OrderBy(p => p.CreatedAt).ToListAsync();
        var queued = await ProducerScenario.OutboxOfTypeAsync(app, tenant.TenantId, typeof(ProducersImported));
        Assert.Equal([1_000, 1_000, 500], queued.Select(q => JsonDocument.Parse(q.Body).RootElement.GetProperty("producers").GetArrayLength()));
        Assert.Single(queued.Select(q => q.AggregateId).Distinct());

        // What AddIntegrationEvent would have queued for the same producers, in file order, at the same instant.
        var importId = Guid.Parse(queued[0].AggregateId);
        var inFileOrder = rows.Select(row => producers.Single(p => row.StartsWith(p.Dni!))).ToList();
        for (var part = 0; part < queued.Count; part++)
        {
            var slice = inFileOrder.Skip(part * ProducersImported.MaxProducers).Take(ProducersImported.MaxProducers);
            db.AddIntegrationEvent(new ProducersImported(tenant.TenantId, importId,
                [.. slice.Select(p => new ImportedProducer(p.Id, p.RegionCode, p.DistrictCode, p.Gender.ToString(), p.BirthYear,
                    NetworksApp.DniHasher.Hash(p.Dni!)))], producers[0].CreatedAt), importId);
            var expected = db.ChangeTracker.Entries<OutboxMessage>().Last().Entity;
            Assert.Equal((expected.MessageType, expected.TenantId), (queued[part].Type, queued[part].TenantId));
            Assert.True(await SameJsonbAsync(expected.Body, queued[part].Body), $"part {part} should equal what AddIntegrationEvent writes");
        }

        await probe.WaitUntilAsync(p => p.Of<ProducersImported>().Count(m => m.Message.ImportId == importId) == 3, TimeSpan.FromSeconds(30), "three ProducersImported");
        await Task.Delay(1000);
        var received = probe.Of<ProducersImported>().Where(m => m.Message.ImportId == importId).ToList();
        Assert.Equal(3, received.Count);
        Assert.All(received, r => Assert.Equal(tenant.TenantId.ToString(), r.Envelope.TenantHeader));
        Assert.Equal(producers.Select(p => p.Id).Order(), received.SelectMany(r => r.Message.Producers).Select(p => p.ProducerId).Order());
        var sample = received.SelectMany(r => r.Message.Producers).First();
        var registered = producers.Single(p => p.Id == sample.ProducerId);
        Assert.Equal((registered.RegionCode, registered.DistrictCode, registered.Gender.ToString(), registered.BirthYear),
            (sample.RegionCode, sample.DistrictCode, sample.Gender, sample.BirthYear));
    }

    private async Task<bool> SameJsonbAsync(string left, string right)
    {
        await using var connection = new NpgsqlConnection(app.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT @left::jsonb = @right::jsonb", connection);
        command.Parameters.AddWithValue("left", left);
        command.Parameters.AddWithValue("right", right);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<ProducerDto> ProducerByDniAsync(HttpClient client, string dni)
    {
        var summary = Assert.Single((await client.PageAsync<ProducerSummary>($"/api/producers?search={dni}")).Items);
        return await (await client.GetAsync($"/api/producers/{summary.Id}")).ReadAsync<ProducerDto>();
    }

    private static async Task<string[]> FileErrorsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {body}");
        return [.. JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty("file").EnumerateArray().Select(e => e.GetString()!)];
    }

    /// <summary>
    /// A workbook as Excel writes one: text in the shared-string table, numbers as numbers, cell references on every
    /// cell and row. A null row is an empty row element; a null value leaves its cell out.
    /// </summary>
    public static byte[] Xlsx(params object?[]?[] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < (rows[r]?.Length ?? 0); c++)
                {
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    switch (rows[r]![c])
                    {
                        case string text:
                            strings.SharedStringTable.AppendChild(new SharedStringItem(new Text(text)));
                            row.AppendChild(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(strings.SharedStringTable.Count() - 1) });
                            break;
                        case int number:
                            row.AppendChild(new Cell { CellReference = reference, CellValue = new CellValue(number) });
                            break;
                    }
                }
                data.AppendChild(row);
            }
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Hoja1" }));
        }
        return stream.ToArray();
    }
}
