using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.Networks.BusinessNetworks;
using RedesPlataforma.Networks.Evidence;
using RedesPlataforma.Networks.Infrastructure;
using RedesPlataforma.Networks.Monitoring;
using RedesPlataforma.Testing;
using static RedesPlataforma.Networks.FunctionalTests.NetworkScenario;

namespace RedesPlataforma.Networks.FunctionalTests;

[Collection(NetworksHost.Name)]
public sealed class EvidenceTests(NetworksApp app)
{
    [Fact]
    public async Task An_uploaded_photo_is_listed_and_served_back_byte_for_byte_with_headers_that_let_nothing_run()
    {
        var tenant = await app.OnboardAsync();
        var (specialist, network) = await app.SpecialistWithNetworkAsync(tenant);
        var photo = EvidenceScenario.Photo();
        var id = Guid.NewGuid();

        var created = await specialist.Client.UploadAsync(network.Id, id, photo, "Acta de fundación.jpg");
        await created.ShouldBeAsync(HttpStatusCode.Created);
        var summary = await created.ReadAsync<EvidenceSummary>();
        Assert.Equal((id, network.Id, "Acta de fundación.jpg", "image/jpeg", (long)photo.Length), (summary.Id, summary.NetworkId, summary.FileName, summary.ContentType, summary.Size));
        Assert.False(string.IsNullOrEmpty(summary.UploadedByName), await created.Content.ReadAsStringAsync());
        Assert.Equal($"/api/networks/{network.Id}/evidence/{id}/content", created.Headers.Location?.OriginalString);

        var older = await specialist.Client.UploadPhotoAsync(network.Id, "lista.jpg");
        var listed = await (await tenant.Admin.GetAsync($"/api/networks/{network.Id}/evidence")).ReadAsync<List<EvidenceSummary>>();
        Assert.Equal([older.Id, id], listed.Select(e => e.Id)); // newest first

        var viewer = await app.StaffAsync(tenant, "Viewer"); // any member of the tenant reads
        var content = await viewer.Client.GetAsync($"/api/networks/{network.Id}/evidence/{id}/content");
        await content.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(photo, await content.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/jpeg", content.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", string.Join(",", content.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("sandbox", string.Join(",", content.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("private", content.Headers.CacheControl?.ToString());
        var disposition = content.Content.Headers.ContentDisposition!;
        Assert.Equal("inline", disposition.DispositionType);
        Assert.Equal("Acta de fundación.jpg", disposition.FileNameStar); // RFC 5987 for the accented name
        Assert.DoesNotContain("ó", disposition.FileName);                   // and an ASCII fallback
    }

    [Fact]
    public async Task The_type_comes_from_the_content_a_png_named_pdf_is_a_png_and_a_pdf_is_offered_as_a_download()
    {
        var tenant = await app.OnboardAsync();
        var (specialist, network) = await app.SpecialistWithNetworkAsync(tenant);

        var png = await (await specialist.Client.UploadAsync(network.Id, Guid.NewGuid(), EvidenceScenario.Png, "acta.pdf", "application/pdf"))
            .ReadAsync<EvidenceSummary>();
        Assert.Equal(("image/png", "acta.png"), (png.ContentType, png.FileName));
        var served = await specialist.Client.GetAsync($"/api/networks/{network.Id}/evidence/{png.Id}/content");
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);

        var pdf = await (await specialist.Client.UploadAsync(network.Id, Guid.NewGuid(), EvidenceScenario.Pdf, "asistencia.pdf", "application/octet-stream"))
            .ReadAsync<EvidenceSummary>();
        Assert.Equal("application/pdf", pdf.ContentType);
        var download = await specialist.Client.GetAsync($"/api/networks/{network.Id}/evidence/{pdf.Id}/content");
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("asistencia.pdf", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><script>alert(document.cookie)</script></html>")]
    [InlineData("MZ\u0090\u0000\u0003\u0000\u0000\u0000")]
    public async Task Html_or_a_program_renamed_jpg_is_refused_with_415_and_nothing_is_stored(string content)
    {
        var tenant = await app.OnboardAsync();
        var (specialist, network) = await app.SpecialistWithNetworkAsync(tenant);

        var refused = await specialist.Client.UploadAsync(network.Id, Guid.NewGuid(), Encoding.Latin1.GetBytes(content), "foto.jpg", "image/jpeg");

        await refused.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Empty(await (await specialist.Client.GetAsync($"/api/networks/{network.Id}/evidence")).ReadAsync<List<EvidenceSummary>>());
    }

    [Fact]
    public async Task Five_megabytes_are_accepted_one_byte_more_is_a_413_problem_even_without_a_length_and_an_empty_body_is_a_400()
    {
        var tenant = await app.OnboardAsync();
        var (specialist, network) = await app.SpecialistWithNetworkAsync(tenant);

        var full = await specialist.Client.UploadAsync(network.Id, Guid.NewGuid(), EvidenceScenario.Photo((int)EvidenceFile.MaxBytes));
        await full.ShouldBeAsync(HttpStatusCode.Created);
        Assert.Equal(EvidenceFile.MaxBytes, (await full.ReadAsync<EvidenceSummary>()).Size);

        await (await specialist.Client.UploadAsync(network.Id, Guid.NewGuid(), EvidenceScenario.Photo((int)EvidenceFile.MaxBytes + 1)))
            .ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        using var chunked = new StreamContent(new UnknownLengthStream(EvidenceScenario.Photo((int)EvidenceFile.MaxBytes + 1)));
        Assert.Null(chunked.Headers.ContentLength);
        await (await specialist.Client.PutAsync($"/api/networks/{network.Id}/evidence/{Guid.NewGuid()}?fileName=x.jpg", chunked))
            .ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await specialist.Client.UploadAsync(network.Id, Guid.NewGuid(), [])).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        Assert.Single(await (await specialist.Client.GetAsync($"/api/networks/{network.Id}/evidence")).ReadAsync<List<EvidenceSummary>>());
    }

    [Fact]
    public async Task The_same_id_with_the_same_bytes_is_a_replay_answered_200_and_with_other_bytes_a_409()
    {
        var tenant = await app.OnboardAsync();
        var (specialist, network) = await app.SpecialistWithNetworkAsync(tenant);
        var (_, otherNetwork) = await app.SpecialistWithNetworkAsync(tenant);
        var photo = EvidenceScenario.Photo();
        var id = Guid.NewGuid();
        var first = await (await specialist.Client.UploadAsync(network.Id, id, photo)).ReadAsync<EvidenceSummary>();

        var replay = await specialist.Client.UploadAsync(network.Id, id, photo, "otro nombre.jpg");
        await replay.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(first, await replay.ReadAsync<EvidenceSummary>());

        await (await specialist.Client.UploadAsync(network.Id, id, EvidenceScenario.Photo())).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await tenant.Admin.UploadAsync(otherNetwork.Id, id, photo)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var content = await (await specialist.Client.GetAsync($"/api/networks/{network.Id}/evidence/{id}/content")).Content.ReadAsByteArrayAsync();
        Assert.Equal(photo, content);
    }

    [Fact]
    public async Task Only_those_who_may_edit_the_network_upload_to_it()
    {
        var tenant = await app.OnboardAsync();
        var (_, network) = await app.SpecialistWithNetworkAsync(tenant);
        var otherSpecialist = await app.StaffAsync(tenant);
        var supervisor = await app.StaffAsync(tenant, "Supervisor");
        var viewer = await app.StaffAsync(tenant, "Viewer");

        await (await otherSpecialist.Client.UploadAsync(network.Id, Guid.NewGuid(), EvidenceScenario.Photo())).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await viewer.Client.UploadAsync(network.Id, Guid.NewGuid(), EvidenceScenario.Photo())).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await supervisor.Client.UploadAsync(network.Id, Guid.NewGuid(), EvidenceScenario.Photo())).ShouldBeAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Another_tenant_gets_404_reading_or_uploading_and_row_level_security_hides_the_rows_in_the_database()
    {
        var a = await app.OnboardAsync();
        var b = await app.OnboardAsync();
        var (specialist, network) = await app.SpecialistWithNetworkAsync(a);
        var file = await specialist.Client.UploadPhotoAsync(network.Id);
        var (_, networkOfB) = await app.SpecialistWithNetworkAsync(b);

        await (await b.Admin.GetAsync($"/api/networks/{network.Id}/evidence")).ShouldBeAsync(HttpStatusCode.NotFound);
        await (await b.Admin.GetAsync($"/api/networks/{network.Id}/evidence/{file.Id}/content")).ShouldBeAsync(HttpStatusCode.NotFound);
        await (await b.Admin.GetAsync($"/api/networks/{networkOfB.Id}/evidence/{file.Id}/content")).ShouldBeAsync(HttpStatusCode.NotFound);
        await (await b.Admin.UploadAsync(network.Id, Guid.NewGuid(), EvidenceScenario.Photo())).ShouldBeAsync(HttpStatusCode.NotFound);
        // The id is per tenant: B's own file under the same id neither clashes with A's nor reveals it.
        await (await b.Admin.UploadAsync(networkOfB.Id, file.Id, EvidenceScenario.Photo())).ShouldBeAsync(HttpStatusCode.Created);
        Assert.Equal(file, Assert.Single(await (await a.Admin.GetAsync($"/api/networks/{network.Id}/evidence")).ReadAsync<List<EvidenceSummary>>()));

        const string rows = "SELECT (SELECT count(*) FROM evidence_files) + (SELECT count(*) FROM evidence_contents)";
        Assert.Equal(2, await app.CountAsync(rows, a.Id));
        Assert.Equal(2, await app.CountAsync(rows, b.Id));
        Assert.Equal(0, await app.CountAsync(rows, Guid.NewGuid()));
    }

    [Fact]
    public async Task Files_attached_to_a_phase_advance_appear_in_its_timeline_entry_and_cannot_document_another_change()
    {
        var tenant = await app.OnboardAsync();
        var (specialist, network) = await app.SpecialistWithNetworkAsync(tenant);
        var act = await specialist.Client.UploadPhotoAsync(network.Id, "acta.jpg");
        var list = await specialist.Client.UploadPhotoAsync(network.Id, "asistencia.jpg");

        var advanced = await specialist.Client.ChangePhaseAsync(network.Id, PhaseTo(Phase.PromotionAndSelection) with { EvidenceIds = [act.Id, list.Id] });
        await advanced.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal([act.Id, list.Id], (await advanced.ReadAsync<PhaseChangeDto>()).EvidenceFiles.Select(e => e.Id));

        var timeline = await (await tenant.Admin.GetAsync($"/api/networks/{network.Id}/phases")).ReadAsync<List<PhaseChangeDto>>();
        Assert.Equal([act, list], Assert.Single(timeline).EvidenceFiles);
        var details = await (await tenant.Admin.GetAsync($"/api/networks/{network.Id}")).ReadAsync<NetworkDetails>();
        Assert.Equal([act.Id, list.Id], Assert.Single(details.PhaseHistory).EvidenceFiles.Select(e => e.Id));

        await (await specialist.Client.ChangePhaseAsync(network.Id, PhaseTo(Phase.PilotBusinessPlan) with { EvidenceIds = [act.Id] }))
            .ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "evidenceIds");
        await (await specialist.Client.PostAsJsonAsync($"/api/networks/{network.Id}/monitoring", Monitoring with { EvidenceIds = [list.Id] }))
            .ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "evidenceIds");
    }

    [Fact]
    public async Task An_unknown_file_or_one_of_another_network_refuses_the_phase_advance_with_422_and_changes_nothing()
    {
        var tenant = await app.OnboardAsync();
        var (specialist, network) = await app.SpecialistWithNetworkAsync(tenant);
        var (otherSpecialist, otherNetwork) = await app.SpecialistWithNetworkAsync(tenant);
        var mine = await specialist.Client.UploadPhotoAsync(network.Id);
        var elsewhere = await otherSpecialist.Client.UploadPhotoAsync(otherNetwork.Id);

        foreach (var ids in new[] { new[] { mine.Id, Guid.NewGuid() }, [elsewhere.Id] })
            await (await specialist.Client.ChangePhaseAsync(network.Id, PhaseTo(Phase.PromotionAndSelection) with { EvidenceIds = ids }))
                .ShouldBeAsync(HttpStatusCode.UnprocessableEntity, "evidenceIds");

        Assert.Empty(await (await specialist.Client.GetAsync($"/api/networks/{network.Id}/phases")).ReadAsync<List<PhaseChangeDto>>());
        await (await specialist.Client.ChangePhaseAsync(network.Id, PhaseTo(Phase.PromotionAndSelection) with { EvidenceIds = [mine.Id] }))
            .ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_monitoring_record_carries_its_files_and_a_correction_with_a_new_set_replaces_them()
    {
        var tenant = await app.OnboardAsync();
        var (specialist, network) = await app.SpecialistWithNetworkAsync(tenant);
        var url = $"/api/networks/{network.Id}/monitoring";
        var sales = await specialist.Client.UploadPhotoAsync(network.Id, "ventas.jpg");
        var receipt = await specialist.Client.UploadPhotoAsync(network.Id, "boleta.jpg");

        var created = await (await specialist.Client.PostAsJsonAsync(url, Monitoring with { EvidenceIds = [sales.Id] })).ReadAsync<MonitoringRecordDto>();
        Assert.Equal([sales], created.Evidence);
        var unchanged = await (await specialist.Client.PutAsJsonAsync($"{url}/2025-03-01", Monitoring with { SalesPen = 1m })).ReadAsync<MonitoringRecordDto>();
        Assert.Equal([sales], unchanged.Evidence); // no evidenceIds: attachments stay

        var corrected = await (await specialist.Client.PutAsJsonAsync($"{url}/2025-03-01", Monitoring with { EvidenceIds = [receipt.Id] })).ReadAsync<MonitoringRecordDto>();
        Assert.Equal([receipt], corrected.Evidence);
        var overview = await (await tenant.Admin.GetAsync(url)).ReadAsync<MonitoringOverview>();
        Assert.Equal([receipt], Assert.Single(overview.Records).Evidence);
        // The detached file is free again for another record or change.
        await (await specialist.Client.ChangePhaseAsync(network.Id, PhaseTo(Phase.PromotionAndSelection) with { EvidenceIds = [sales.Id] }))
            .ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Every_tenant_owned_table_including_the_evidence_ones_has_forced_row_level_security()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworksDb>();
        var tables = db.Model.GetEntityTypes().Where(TenantModelConventions.IsTenantOwned).Select(e => e.GetTableName()!).Distinct().ToList();
        Assert.Contains("evidence_files", tables);
        Assert.Contains("evidence_contents", tables);

        await using var owner = new Npgsql.NpgsqlConnection(app.Database.OwnerConnectionString);
        await owner.OpenAsync();
        foreach (var table in tables)
        {
            await using var command = new Npgsql.NpgsqlCommand(
                "SELECT c.relrowsecurity AND c.relforcerowsecurity AND EXISTS (SELECT 1 FROM pg_policies p WHERE p.tablename = c.relname AND p.policyname = @policy) FROM pg_class c WHERE c.relname = @table", owner);
            command.Parameters.AddWithValue("table", table);
            command.Parameters.AddWithValue("policy", RowLevelSecurity.PolicyName);
            Assert.True((bool)(await command.ExecuteScalarAsync())!, $"{table} lacks forced row-level security");
        }
    }

    [Fact]
    public async Task Raw_sql_cannot_insert_evidence_for_another_tenant()
    {
        var a = await app.OnboardAsync();
        var b = await app.OnboardAsync();
        var (_, network) = await app.SpecialistWithNetworkAsync(b);

        await using var scope = TenantScope.Begin(app.Services, new TenantInfo(a.Id, "a", "a"));
        var db = scope.Services.GetRequiredService<NetworksDb>();
        var insert = () => db.Database.ExecuteSqlAsync(
            $"INSERT INTO evidence_files (id, tenant_id, network_id, file_name, content_type, size, sha256, uploaded_at) VALUES ({Guid.NewGuid()}, {b.Id}, {network.Id}, 'x.jpg', 'image/jpeg', 1, {new byte[32]}, now())");
        Assert.Equal("42501", (await Assert.ThrowsAsync<Npgsql.PostgresException>(insert)).SqlState);
    }

    static readonly MonitoringRequest Monitoring = new(new DateOnly(2025, 3, 1), 100m, 10m, "kg", 1m, "kg/ha", null, null, 400m);

    /// <summary>A body whose length the client cannot tell, so it goes chunked without Content-Length.</summary>
    sealed class UnknownLengthStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
