namespace RedesPlataforma.Seed;

/// <summary>A specialist networks can be assigned to, in the order networks are handed out (named demo accounts first).</summary>
public sealed record SeededSpecialist(Guid Id, string FullName, string Email, string Region, string? Dni);

/// <summary>
/// Brings a tenant to the number of trained specialists its snapshot states, per region: the missing ones are created
/// through POST /api/staff (role Specialist, an org unit of their region), their selection criteria recorded as met and
/// one passed methodology training recorded, as TenantsSeed does for the named ones. The people are drawn from the
/// snapshot's seed, so reruns plan the same specialists and only create those whose e-mail is not there yet.
/// Creating an account hashes its password (PBKDF2, 210,000 rounds), so a few are created at a time.
/// </summary>
public sealed class SpecialistsSeed(SeededTenant tenant, SnapshotPlan plan, string staffPassword, Action<string> log)
{
    private const int Parallelism = 4;
    private const string MethodologyModule = "Metodología de articulación de redes empresariales";

    private sealed record Planned(Person Person, string Email, string Region, string OrgUnit);

    public async Task<IReadOnlyList<SeededSpecialist>> RunAsync(CancellationToken ct)
    {
        var institution = tenant.Institution;
        var named = institution.Staff.Where(s => s.Role == DemoInstitutions.Specialist)
            .Select(s => new SeededSpecialist(tenant.StaffByEmail[s.Email], s.FullName, s.Email, s.Regions[0], s.Dni)).ToList();
        var planned = Plan(named);
        if (planned.Count == 0) return named;

        var admin = tenant.Admin;
        var existing = (await admin.GetAllAsync<StaffSummary>("api/staff?role=Specialist", ct))
            .ToDictionary(s => s.Email, StringComparer.OrdinalIgnoreCase);
        var orgUnits = (await admin.GetAllAsync<OrgUnitDto>("api/org-units", ct)).ToDictionary(o => o.Name, o => o.Id, StringComparer.Ordinal);
        var ids = new Guid[planned.Count];
        int created = 0, assessed = 0, trained = 0;

        await Parallel.ForEachAsync(Enumerable.Range(0, planned.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (i, token) =>
            {
                var (person, email, region, orgUnit) = planned[i];
                bool meetsCriteria = false, isTrained = false;
                if (existing.TryGetValue(email, out var summary))
                {
                    (ids[i], meetsCriteria, isTrained) = (summary.Id, summary.MeetsSelectionCriteria, summary.IsTrained);
                }
                else
                {
                    var details = await admin.PostAsync<StaffDetails>("api/staff", new CreateStaffRequest(
                        person.FullName, email, staffPassword, [DemoInstitutions.Specialist], orgUnits[orgUnit], [region], person.Dni, person.Phone), token);
                    ids[i] = details.Id;
                    Interlocked.Increment(ref created);
                }
                if (!meetsCriteria)
                {
                    await admin.PutAsync<StaffDetails>($"api/staff/{ids[i]}/selection-criteria", new SelectionCriteriaRequest(
                        RoleFitsWork: true, TerritoryMatches: true, AvailableForResponsibilities: true,
                        Notes: $"Evaluado por la {orgUnit}: experiencia en asistencia técnica y conocimiento de la zona."), token);
                    Interlocked.Increment(ref assessed);
                }
                if (!isTrained)
                {
                    await admin.PostAsync<TrainingDto>($"api/staff/{ids[i]}/trainings",
                        new TrainingRequest(MethodologyModule, TrainedOn(i), 40, true), token);
                    Interlocked.Increment(ref trained);
                }
            });

        var trainedCount = (await admin.GetAsync<Page<StaffSummary>>("api/staff?role=Specialist&trained=true&pageSize=1", ct)).TotalCount;
        log($"{institution.Slug}: specialists: {created} created, {planned.Count - created} already there; {assessed} selection assessments and " +
            $"{trained} trainings recorded; {trainedCount} trained specialists in all (the added ones sign in with the demo-staff password)");
        return [.. named, .. planned.Select((p, i) => new SeededSpecialist(ids[i], p.Person.FullName, p.Email, p.Region, p.Person.Dni))];
    }

    /// <summary>Every specialist the snapshot adds to the named ones, region by region, in a fixed order.</summary>
    private List<Planned> Plan(IReadOnlyList<SeededSpecialist> named)
    {
        if (plan.TrainedSpecialistsByRegion is null) return [];
        var random = new Random(plan.RandomSeed + 1);
        var people = new PeopleGenerator(random, named.Select(n => n.Dni).OfType<string>());
        var emails = new HashSet<string>(tenant.Institution.Staff.Select(s => s.Email), StringComparer.OrdinalIgnoreCase)
            { tenant.Institution.AdminEmail };
        var domain = tenant.Institution.AdminEmail[(tenant.Institution.AdminEmail.IndexOf('@') + 1)..];
        var planned = new List<Planned>();

        foreach (var (region, target) in plan.TrainedSpecialistsByRegion.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            // Spread over the region's org units: its zonal directorate and, where there is one, its zonal agency.
            var units = tenant.Institution.OrgUnits.Where(u => u.RegionCode == region).Select(u => u.Name).ToList();
            if (units.Count == 0) throw new InvalidOperationException($"{plan.Slug}: no org unit in {region} for its specialists");
            var missing = target - named.Count(n => n.Region == region);
            for (var k = 0; k < missing; k++)
            {
                var person = people.Specialist(region, random.NextDouble() < 0.48 ? Sex.Female : Sex.Male);
                var local = PeopleGenerator.EmailLocalPart(person);
                var email = $"{local}@{domain}";
                for (var n = 2; !emails.Add(email); n++) email = $"{local}{n}@{domain}";
                planned.Add(new Planned(person, email, region, units[k % units.Count]));
            }
        }
        return planned;
    }

    /// <summary>Trainings were held in cohorts through 2024 and early 2025.</summary>
    private static DateOnly TrainedOn(int index) => new DateOnly(2024, 2, 12).AddDays(index % 14 * 28);
}
