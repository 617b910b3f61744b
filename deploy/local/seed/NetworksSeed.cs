using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;

namespace RedesPlataforma.Seed;

/// <summary>What a tenant has once the networks seed is through, as the API reports it.</summary>
public sealed record NetworksSummary(
    string Slug, int TrainedSpecialists, int Producers, int Networks, IReadOnlyDictionary<string, int> ByChain, int WomenLed,
    IReadOnlyDictionary<string, int> ByPhase, int MonitoringRecords);

/// <summary>
/// A tenant's producers, business networks, phase histories and monitoring, through the Networks API as the tenant's
/// admin (who may act on every network of the tenant): producers in one all-or-nothing CSV import, then each network
/// formed with its specialist, members and leader, advanced one phase at a time (formalised with a RUC before
/// consolidation) and given its year of monitoring records. Skipped when the tenant already has its networks;
/// after an interrupted run, only what is missing is added (producers by DNI, networks by name, phases by the
/// network's current phase, records by period).
/// </summary>
public sealed class NetworksSeed(
    SeededTenant tenant, ApiClient api, SnapshotPlan plan, IReadOnlyList<SeededSpecialist> specialists, Action<string> log)
{
    public static readonly string[] PhaseNames = ["Preparation", "PromotionAndSelection", "PilotBusinessPlan", "StrategicBusinessPlan", "Consolidation"];

    private const int Parallelism = 6;
    private static readonly TimeSpan SpecialistWait = TimeSpan.FromSeconds(60);

    private string Slug => plan.Slug;

    public async Task<NetworksSummary> RunAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var existing = (await api.GetAsync<Page<NetworkSummary>>("api/networks?pageSize=1", ct)).TotalCount;
        if (existing >= plan.NetworkCount)
        {
            log($"{Slug}: {existing} networks already there; networks seed skipped");
            return await SummaryAsync(ct);
        }

        var districts = new Dictionary<string, IReadOnlyList<DistrictDto>>();
        foreach (var region in plan.Networks.Select(g => g.Region).Distinct())
            districts[region] = await api.GetAllAsync<DistrictDto>($"api/places/districts?region={region}", ct);
        var reserved = specialists.Select(s => s.Dni).Concat(tenant.Institution.Staff.Select(s => s.Dni)).OfType<string>();
        var networks = SnapshotPlanner.Build(plan, districts, specialists, reserved, log);

        var producerIds = await EnsureProducersAsync(networks, ct);
        var created = await EnsureNetworksAsync(networks, producerIds, ct);
        log($"{Slug}: {created.Formed} networks formed, {created.Steps} phase changes, {created.Formalised} formalised with a RUC, " +
            $"{created.Records} monitoring records in {clock.Elapsed.TotalSeconds:0.0}s");
        return await SummaryAsync(ct);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Producers: one CSV, imported all-or-nothing
    // ------------------------------------------------------------------------------------------------------------

    private async Task<Dictionary<string, Guid>> EnsureProducersAsync(IReadOnlyList<PlannedNetwork> networks, CancellationToken ct)
    {
        var planned = networks.SelectMany(n => n.Members).ToList();
        var byDni = await ProducerIdsAsync(ct);
        var missing = planned.Where(p => !byDni.ContainsKey(p.Person.Dni)).ToList();
        if (missing.Count == 0)
        {
            log($"{Slug}: producers: all {planned.Count} already there");
            return byDni;
        }

        var clock = Stopwatch.StartNew();
        var csv = Csv(missing);
        var report = await api.PostFileAsync<ImportReport>(
            "api/producers/import?mode=all-or-nothing&dryRun=false&ubigeoCodes=inei", "file", $"{Slug}-productores.csv", "text/csv", csv, ct);
        if (!report.Committed || report.Inserted != missing.Count)
            throw new ApiException($"{Slug}: the producer import wrote {report.Inserted} of {missing.Count} rows: {report.Message}");
        log($"{Slug}: producers: {report.Inserted} imported from one CSV ({csv.Length / 1024} KB) in {clock.Elapsed.TotalSeconds:0.0}s, " +
            $"{planned.Count - missing.Count} already there");

        byDni = await ProducerIdsAsync(ct);
        if (planned.FirstOrDefault(p => !byDni.ContainsKey(p.Person.Dni)) is { } lost)
            throw new ApiException($"{Slug}: producer {lost.Person.Dni} was imported but is not in the list");
        return byDni;
    }

    private async Task<Dictionary<string, Guid>> ProducerIdsAsync(CancellationToken ct) =>
        (await api.GetAllAsync<ProducerSummary>("api/producers", ct)).ToDictionary(p => p.Dni, p => p.Id);

    /// <summary>The file a registry office would upload: Spanish headers (the import's aliases), INEI UBIGEO codes, UTF-8.</summary>
    private static byte[] Csv(IEnumerable<PlannedProducer> producers)
    {
        var text = new StringBuilder("dni,nombres,apellidos,sexo,año_nacimiento,ubigeo,celular,consentimiento,fecha_consentimiento\n");
        foreach (var (person, district, consentDate) in producers)
            text.Append(string.Join(',', person.Dni, Field(person.FirstNames), Field(person.LastNames), person.Sex == Sex.Female ? "F" : "M",
                person.BirthYear, district, person.Phone ?? "", "sí", consentDate.ToString("yyyy-MM-dd"))).Append('\n');
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());

        static string Field(string value) => value.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Networks, phases, formalisation, monitoring
    // ------------------------------------------------------------------------------------------------------------

    private sealed class Counts
    {
        public int Formed, Steps, Formalised, Records;
    }

    private async Task<Counts> EnsureNetworksAsync(IReadOnlyList<PlannedNetwork> networks, Dictionary<string, Guid> producerIds, CancellationToken ct)
    {
        var existing = new ConcurrentDictionary<string, NetworkSummary>(
            (await api.GetAllAsync<NetworkSummary>("api/networks", ct)).ToDictionary(n => n.Name), StringComparer.Ordinal);
        var counts = new Counts();
        await Parallel.ForEachAsync(networks, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (network, token) => await EnsureNetworkAsync(network, existing.GetValueOrDefault(network.Name), producerIds, counts, token));
        return counts;
    }

    private async Task EnsureNetworkAsync(
        PlannedNetwork network, NetworkSummary? found, Dictionary<string, Guid> producerIds, Counts counts, CancellationToken ct)
    {
        Guid id;
        int phase;
        string? ruc = null;
        if (found is null)
        {
            var details = await FormAsync(network, producerIds, ct);
            (id, phase) = (details.Id, PhaseOf(details.Phase));
            Interlocked.Increment(ref counts.Formed);
        }
        else
        {
            var details = await api.GetAsync<NetworkDetails>($"api/networks/{found.Id}", ct);
            (id, phase, ruc) = (details.Id, PhaseOf(details.Phase), details.Ruc);
        }

        foreach (var step in network.Phases.Where(s => s.ToPhase > phase))
        {
            if (network.Formalization is { } formal && phase >= formal.InPhase && ruc is null)
                ruc = await FormaliseAsync(id, network, formal, counts, ct);
            await api.PostAsync<PhaseChangeDto>($"api/networks/{id}/phase", new ChangePhaseRequest(step.PhaseName, step.On, step.Evidence, null, null), ct);
            phase = step.ToPhase;
            Interlocked.Increment(ref counts.Steps);
        }
        if (network.Formalization is { } late && phase >= late.InPhase && ruc is null)
            await FormaliseAsync(id, network, late, counts, ct);

        if (network.Monitoring.Count == 0) return;
        var recorded = found is null
            ? []
            : (await api.GetAsync<MonitoringOverview>($"api/networks/{id}/monitoring", ct)).Records.Select(r => r.Period).ToHashSet();
        foreach (var record in network.Monitoring.Where(r => !recorded.Contains(r.Period)))
        {
            await api.PostAsync<MonitoringRecordDto>($"api/networks/{id}/monitoring", record, ct);
            Interlocked.Increment(ref counts.Records);
        }
    }

    /// <summary>
    /// Forms the network. The Networks service learns specialists from the Tenants service's events, so one created a
    /// moment ago may not be known yet (422 on specialistId): that is retried for up to a minute.
    /// </summary>
    private async Task<NetworkDetails> FormAsync(PlannedNetwork network, Dictionary<string, Guid> producerIds, CancellationToken ct)
    {
        var request = new FormNetworkRequest(network.Name, network.Chain, network.Region, network.Specialist.Id,
            [.. network.Members.Select(m => producerIds[m.Person.Dni])], producerIds[network.Leader.Person.Dni], network.FormedOn,
            network.LegalForm, null);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await api.PostAsync<NetworkDetails>("api/networks", request, ct);
            }
            catch (ApiException e) when (e.Status == HttpStatusCode.UnprocessableEntity && e.Body?.Contains("\"specialistId\"") == true
                                         && waited.Elapsed < SpecialistWait)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }

    private async Task<string> FormaliseAsync(Guid id, PlannedNetwork network, Formalization formal, Counts counts, CancellationToken ct)
    {
        await api.PutAsync<NetworkDetails>($"api/networks/{id}", new UpdateNetworkRequest(network.Name, formal.LegalForm, formal.Ruc), ct);
        Interlocked.Increment(ref counts.Formalised);
        return formal.Ruc;
    }

    private static int PhaseOf(string name) =>
        Array.IndexOf(PhaseNames, name) is var index and >= 0 ? index : throw new ApiException($"unknown phase '{name}' in a network response");

    // ------------------------------------------------------------------------------------------------------------
    // Summary, from the API
    // ------------------------------------------------------------------------------------------------------------

    private async Task<NetworksSummary> SummaryAsync(CancellationToken ct)
    {
        var networks = await api.GetAllAsync<NetworkSummary>("api/networks", ct);
        var producers = (await api.GetAsync<Page<ProducerSummary>>("api/producers?pageSize=1", ct)).TotalCount;
        var trained = (await tenant.Admin.GetAsync<Page<StaffSummary>>("api/staff?role=Specialist&trained=true&pageSize=1", ct)).TotalCount;
        var records = 0;
        await Parallel.ForEachAsync(networks, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (network, token) =>
            Interlocked.Add(ref records, (await api.GetAsync<MonitoringOverview>($"api/networks/{network.Id}/monitoring", token)).Records.Count));
        var byChain = networks.GroupBy(n => n.ValueChainCode).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
        var byPhase = networks.GroupBy(n => n.Phase).OrderBy(g => Array.IndexOf(PhaseNames, g.Key)).ToDictionary(g => g.Key, g => g.Count());
        return new NetworksSummary(Slug, trained, producers, networks.Count, byChain, networks.Count(n => n.WomenLed), byPhase, records);
    }
}
