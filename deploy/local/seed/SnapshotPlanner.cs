namespace RedesPlataforma.Seed;

public sealed record PlannedProducer(Person Person, string DistrictCode, DateOnly ConsentDate);

public sealed record PlannedPhase(int ToPhase, DateOnly On, string Evidence)
{
    public string PhaseName => NetworksSeed.PhaseNames[ToPhase];
}

/// <summary>The network becomes <paramref name="LegalForm"/> with <paramref name="Ruc"/> once it has reached <paramref name="InPhase"/>.</summary>
public sealed record Formalization(string LegalForm, string Ruc, int InPhase);

public sealed record PlannedNetwork(
    string Name, string Chain, string Region, SeededSpecialist Specialist, IReadOnlyList<PlannedProducer> Members, PlannedProducer Leader,
    DateOnly FormedOn, string LegalForm, IReadOnlyList<PlannedPhase> Phases, Formalization? Formalization,
    IReadOnlyList<MonitoringRequest> Monitoring)
{
    public int FinalPhase => Phases.Count == 0 ? 0 : Phases[^1].ToPhase;
    public bool WomenLed => Leader.Person.Sex == Sex.Female;
}

/// <summary>
/// Turns a <see cref="SnapshotPlan"/> into concrete data: every network with its members, leader, specialist, dates,
/// phase steps with their evidence, legal form and a year of monitoring. Pure: the same plan, districts and specialists
/// always give the same result, whatever the API answered before or how the calls are later interleaved.
/// </summary>
public static class SnapshotPlanner
{
    private static readonly string[] Qualifiers =
    [
        "Sumaq Kawsay", "Allin Kawsay", "Nueva Esperanza", "Los Andes", "Virgen del Carmen", "Señor de Huanca", "San Isidro Labrador",
        "Santa Rosa", "Inti Raymi", "Wiñay Ayllu", "Pachamama", "Qori Ñan", "Unión y Progreso", "Mama Ocllo", "Los Emprendedores",
        "Tawantinsuyo", "Munay", "Kusi Kawsay", "Flor de los Andes", "Señor de los Milagros", "Virgen de la Candelaria", "Nuevo Amanecer",
        "Hatun Ayllu", "Llaqta Masi", "Los Triunfadores", "Mujeres Emprendedoras", "Virgen de Cocharcas", "Sol Naciente", "Ayni",
        "San Juan Bautista", "Santa Cruz", "Progreso Andino",
    ];

    private static readonly Dictionary<string, string> LegalFormNames = new()
    {
        ["Association"] = "asociación", ["Cooperative"] = "cooperativa agraria",
    };

    public static IReadOnlyList<PlannedNetwork> Build(
        SnapshotPlan plan, IReadOnlyDictionary<string, IReadOnlyList<DistrictDto>> districtsByRegion,
        IReadOnlyList<SeededSpecialist> specialists, IEnumerable<string> reservedDnis, Action<string> log)
    {
        DemoSnapshot.Validate(plan);
        var random = new Random(plan.RandomSeed);
        var people = new PeopleGenerator(random, reservedDnis);
        var slots = plan.Networks.SelectMany(g => Enumerable.Repeat(g, g.Count)).ToList();
        var sizes = Sizes(random, slots.Count, plan.Producers, plan.NetworkSize);
        var phases = Shuffle(random, plan.NetworksByPhase.OrderBy(p => p.Key).SelectMany(p => Enumerable.Repeat(p.Key, p.Value)).ToList());
        var womenLed = Shuffle(random, Enumerable.Range(0, slots.Count).ToList()).Take(plan.WomenLed).ToHashSet();
        var assigned = AssignSpecialists(slots, specialists, plan.Slug);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var rucs = new HashSet<string>();
        var networks = new List<PlannedNetwork>(slots.Count);

        for (var i = 0; i < slots.Count; i++)
        {
            var group = slots[i];
            var profile = ChainProfiles.Of(group.Chain);
            var districts = ProvinceDistricts(random, group, districtsByRegion[group.Region], log, plan.Slug);
            var home = districts[0];
            var finalPhase = phases[i];
            var formedOn = finalPhase == 1 ? new DateOnly(2025, 9, 1).AddDays(random.Next(0, 211)) : new DateOnly(2023, 10, 2).AddDays(random.Next(0, 240));

            // Genders first, so that both a woman and a man can lead, then the people.
            var size = sizes[i];
            var share = womenLed.Contains(i) ? plan.FemaleShare.WomenLed : plan.FemaleShare.MenLed;
            var women = Math.Clamp((int)Math.Round(size * (share + (random.NextDouble() - 0.5) * 0.2)), 1, size - 1);
            var sexes = Shuffle(random, Enumerable.Range(0, size).Select(k => k < women ? Sex.Female : Sex.Male).ToList());
            var members = sexes.Select(sex => new PlannedProducer(
                people.Producer(group.Region, sex),
                (random.NextDouble() < 0.6 ? home : districts[random.Next(districts.Count)]).Code,
                formedOn.AddDays(-random.Next(10, 121)))).ToList();
            var leaderSex = womenLed.Contains(i) ? Sex.Female : Sex.Male;
            var candidates = members.Where(m => m.Person.Sex == leaderSex).ToList();
            var leader = candidates[random.Next(candidates.Count)];

            var name = Name(random, profile, home.Name, names);
            var (legalForm, formalization) = LegalForm(random, finalPhase, rucs);
            var steps = Phases(random, finalPhase, formedOn, profile, home, members.Count, women, formalization);
            var monitoring = finalPhase >= 2 ? MonitoringPlanner.Year(random, profile, members.Count, plan.MonitoringYear) : [];
            networks.Add(new PlannedNetwork(name, group.Chain, group.Region, assigned[i], members, leader, formedOn, legalForm, steps,
                formalization, monitoring));
        }
        return networks;
    }

    /// <summary>Sizes within the bounds that add up to the number of producers.</summary>
    private static int[] Sizes(Random random, int count, int total, (int Min, int Max) bounds)
    {
        var (min, max) = bounds;
        var spread = max - min;
        var sizes = Enumerable.Range(0, count).Select(_ => random.Next(min + spread / 8, max - spread / 4 + 1)).ToArray();
        var sum = sizes.Sum();
        while (sum != total)
        {
            var i = random.Next(count);
            if (sum < total && sizes[i] < max) { sizes[i]++; sum++; }
            else if (sum > total && sizes[i] > min) { sizes[i]--; sum--; }
        }
        return sizes;
    }

    private static List<T> Shuffle<T>(Random random, List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
        return items;
    }

    /// <summary>
    /// Networks go to specialists of their region: the named demo specialists take two each (so their accounts show a
    /// portfolio), the others one each in turn. Regions have more specialists than networks, as in the snapshot.
    /// </summary>
    private static SeededSpecialist[] AssignSpecialists(List<NetworkGroup> slots, IReadOnlyList<SeededSpecialist> specialists, string slug)
    {
        var queues = specialists.GroupBy(s => s.Region).ToDictionary(g => g.Key, g =>
        {
            var list = g.ToList();
            var named = list.TakeWhile(IsNamed).ToList();
            return new Queue<SeededSpecialist>(named.SelectMany(s => new[] { s, s }).Concat(list.Skip(named.Count)));
        });
        var assigned = new SeededSpecialist[slots.Count];
        for (var i = 0; i < slots.Count; i++)
        {
            if (!queues.TryGetValue(slots[i].Region, out var queue) || queue.Count == 0)
            {
                var pool = specialists.Where(s => s.Region == slots[i].Region).ToList();
                if (pool.Count == 0) throw new InvalidOperationException($"{slug}: no specialist in {slots[i].Region} to assign networks to");
                queue = queues[slots[i].Region] = new Queue<SeededSpecialist>(pool);
            }
            assigned[i] = queue.Dequeue();
        }
        return assigned;

        // The named specialists come first in the list SpecialistsSeed returns.
        static bool IsNamed(SeededSpecialist s) => DemoInstitutions.All.Any(i => i.Staff.Any(p => p.Email == s.Email));
    }

    /// <summary>The districts a network draws its members from: its home district first, then up to three neighbours
    /// of the same province (one of the group's provinces, or a rural province of the region).</summary>
    private static List<DistrictDto> ProvinceDistricts(
        Random random, NetworkGroup group, IReadOnlyList<DistrictDto> region, Action<string> log, string slug)
    {
        var wanted = (group.Provinces ?? DemoSnapshot.RuralProvinces[group.Region]).Select(PeopleGenerator.Fold).ToList();
        var provinces = region.GroupBy(d => PeopleGenerator.Fold(d.ProvinceName)).Where(p => wanted.Contains(p.Key)).OrderBy(p => wanted.IndexOf(p.Key)).ToList();
        if (provinces.Count < wanted.Distinct().Count())
            log($"{slug}: WARNING: provinces {string.Join(", ", wanted.Except(provinces.Select(p => p.Key)))} not found in {group.Region}");
        var candidates = provinces.Count > 0 ? provinces.Select(p => p.ToList()).ToList() : [region.ToList()];
        var province = candidates[random.Next(candidates.Count)];
        var picked = Shuffle(random, province.ToList()).Take(Math.Min(province.Count, random.Next(2, 5))).ToList();
        return picked;
    }

    private static string Name(Random random, ChainProfile profile, string district, HashSet<string> taken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var qualifier = Qualifiers[random.Next(Qualifiers.Length)];
            var name = attempt < 20 ? $"{profile.NetworkPrefix} \"{qualifier}\" de {district}" : $"{profile.NetworkPrefix} \"{qualifier}\" de {district} {attempt}";
            if (taken.Add(name)) return name;
        }
    }

    /// <summary>
    /// Networks start informal or as an association without a RUC; the consolidated ones and a share of those in phase 3
    /// formalise (cooperative or association with a RUC) after reaching phase 3, as consolidation requires.
    /// </summary>
    private static (string LegalForm, Formalization? Formalization) LegalForm(Random random, int finalPhase, HashSet<string> rucs)
    {
        var roll = random.NextDouble();
        return finalPhase switch
        {
            4 => roll < 0.55 ? ("Informal", new("Cooperative", Ruc(random, rucs), 3)) : ("Association", new("Association", Ruc(random, rucs), 3)),
            3 when roll < 0.10 => ("Informal", new("Cooperative", Ruc(random, rucs), 3)),
            3 when roll < 0.35 => ("Association", new("Association", Ruc(random, rucs), 3)),
            3 when roll < 0.60 => ("Association", null),
            2 when roll < 0.25 => ("Association", null),
            _ => ("Informal", null),
        };
    }

    /// <summary>A legal entity's RUC: prefix 20, eight digits, SUNAT's check digit ((11 − Σ dᵢ·wᵢ mod 11) mod 10).</summary>
    private static string Ruc(Random random, HashSet<string> taken)
    {
        int[] weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
        while (true)
        {
            var firstTen = $"20{random.Next(0, 100_000_000):D8}";
            var sum = firstTen.Select((c, i) => (c - '0') * weights[i]).Sum();
            var ruc = firstTen + (11 - sum % 11) % 10;
            if (taken.Add(ruc)) return ruc;
        }
    }

    /// <summary>
    /// Networks still in phase 1 were formed in late 2025 or early 2026; the others in late 2023 or early 2024, reached
    /// the pilot business plan by the end of 2024 (so 2025 is their first year of monitoring), the strategic plan during
    /// 2025 and consolidation in 2026.
    /// </summary>
    private static List<PlannedPhase> Phases(
        Random random, int finalPhase, DateOnly formedOn, ChainProfile profile, DistrictDto home, int members, int women, Formalization? formal)
    {
        var steps = new List<PlannedPhase>();
        var promotion = formedOn.AddDays(random.Next(20, 61));
        steps.Add(new(1, promotion,
            $"Talleres de sensibilización en {home.Name} ({home.ProvinceName}); {members} productores ({women} mujeres) seleccionados según los " +
            "criterios de la metodología. Acta de compromiso firmada en asamblea comunal."));
        if (finalPhase >= 2)
        {
            var pilot = new DateOnly(2024, 9, 2).AddDays(random.Next(0, 101));
            if (pilot <= promotion) pilot = promotion.AddDays(30);
            steps.Add(new(2, pilot,
                $"Plan de negocio piloto aprobado en asamblea: primera venta conjunta de {profile.Product} a {profile.MarketChannels[0].ToLowerInvariant()}; " +
                "comité de gestión elegido y cuaderno de ventas al día."));
        }
        if (finalPhase >= 3)
            steps.Add(new(3, new DateOnly(2025, 4, 1).AddDays(random.Next(0, 201)),
                $"Plan de negocio estratégico validado por la red y el especialista: metas de venta de {profile.Product}, reglamento interno " +
                "aprobado y fondo rotatorio constituido."));
        if (finalPhase >= 4)
            steps.Add(new(4, new DateOnly(2026, 1, 12).AddDays(random.Next(0, 201)),
                $"Red formalizada como {LegalFormNames[formal!.LegalForm]} (RUC {formal.Ruc}); contratos de venta vigentes con " +
                $"{profile.MarketChannels[1].ToLowerInvariant()} y gestión autónoma sin acompañamiento permanente."));
        return steps;
    }
}
