using RedesPlataforma.Reporting.Cells;
using RedesPlataforma.Reporting.Figures;

namespace RedesPlataforma.Reporting.Tests;

/// <summary>
/// A random nation as the national read sees it: institutions with producers by region and groups of networks by
/// region, value chain and phase, small counts frequent; each breakdown row and the total are the sums of the
/// institutions' rows (institutions counting where they have networks), and unique producers are the producers less a
/// few people registered twice.
/// </summary>
public static class RandomNation
{
    private static readonly string[] Regions = ["PE-CUS", "PE-PUN", "PE-JUN", "PE-TAC", "PE-AYA", "PE-CAJ"];
    private static readonly string[] Chains = ["cuy", "quinoa", "cafe", "cacao"];

    public static ReportData Generate(Random random)
    {
        var rows = new Dictionary<(Dimension, string), Measures>();
        var total = new Measures();
        var largest = 0;
        for (var i = random.Next(1, 7); i > 0; i--)
        {
            var tenant = new Dictionary<(Dimension, string), Measures>();
            void Add(Dimension dimension, string key, Measures measures)
            {
                if (!tenant.TryGetValue((dimension, key), out var row)) tenant[(dimension, key)] = row = new Measures();
                row.Add(measures);
            }
            var institution = $"institution-{i}";
            Add(Dimension.Institution, institution, Measure(random, (nameof(SpecialistCell.Specialists), 2, 9), (nameof(SpecialistCell.TrainedSpecialists), 0, 2)));
            foreach (var region in Regions.Where(_ => random.Next(3) == 0))
            {
                var (women, men) = (Count(random), Count(random));
                var producers = Measure(random, (nameof(ProducerCell.Producers), women + men, women + men),
                    (nameof(ProducerCell.FemaleProducers), women, women), (nameof(ProducerCell.MaleProducers), men, men));
                Add(Dimension.Region, region, producers);
                Add(Dimension.Institution, institution, producers);
            }
            for (var group = random.Next(0, 4); group > 0; group--)
            {
                var networks = NetworkGroup(random);
                Add(Dimension.Region, Regions[random.Next(Regions.Length)], networks);
                Add(Dimension.ValueChain, Chains[random.Next(Chains.Length)], networks);
                Add(Dimension.Phase, random.Next(0, 5).ToString(System.Globalization.CultureInfo.InvariantCulture), networks);
                Add(Dimension.Institution, institution, networks);
            }
            foreach (var (key, measures) in tenant)
            {
                measures.Add(Measures.Institutions, measures[nameof(NetworkCell.Networks)] > 0 ? 1 : 0);
                if (!rows.TryGetValue(key, out var row)) rows[key] = row = new Measures();
                row.Add(measures);
            }
            total.Add(tenant[(Dimension.Institution, institution)]);
            largest = Math.Max(largest, (int)tenant[(Dimension.Institution, institution)][nameof(ProducerCell.Producers)]);
        }
        var producersTotal = (int)total[nameof(ProducerCell.Producers)];
        total.Add(Measures.UniqueProducers, producersTotal - random.Next(0, Math.Min(producersTotal - largest, 4) + 1));
        return new ReportData().Add([.. rows.Select(r => new CellSums(r.Key.Item1, r.Key.Item2, r.Value)), new CellSums(null, null, total)]);
    }

    /// <summary>None, a few (below the threshold of 5) or many, a third of the time each.</summary>
    private static int Count(Random random) => random.Next(3) switch { 0 => 0, 1 => random.Next(1, 5), _ => random.Next(5, 40) };

    private static Measures NetworkGroup(Random random)
    {
        var networks = random.Next(2) == 0 ? random.Next(1, 3) : random.Next(3, 9);
        var (financed, monitored) = (random.Next(0, networks + 1), random.Next(0, networks + 1));
        var (members, financedMembers, monitoredMembers) = (networks * random.Next(3, 12), financed * random.Next(3, 12), monitored * random.Next(3, 12));
        return Measure(random,
            (nameof(NetworkCell.Networks), networks, networks), (nameof(NetworkCell.WomenLedNetworks), 0, networks),
            (nameof(NetworkCell.Members), members, members), (nameof(NetworkCell.FemaleMembers), 0, members),
            (nameof(NetworkCell.FinancedNetworks), financed, financed), (nameof(NetworkCell.FinancedMembers), financedMembers, financedMembers),
            (nameof(NetworkCell.MonitoredNetworks), monitored, monitored), (nameof(NetworkCell.MonitoredMembers), monitoredMembers, monitoredMembers),
            (nameof(FinancingCell.PlansApproved), financed, financed), (nameof(FinancingCell.ProgrammeFunds), financed * 1_000, financed * 20_000),
            (nameof(FinancingCell.NetworkCash), 0, financed * 5_000), (nameof(FinancingCell.NetworkInKind), 0, financed * 2_000),
            (nameof(FinancingCell.Disbursed), 0, financed * 10_000), (nameof(FinancingCell.ExecutedCash), 0, financed * 3_000),
            (nameof(MonitoringCell.MonitoringRecords), monitored, monitored * 3), (nameof(MonitoringCell.Sales), 0, monitored * 8_000),
            (nameof(MonitoringCell.IncomeChangeSum), 0, monitored * 30), (nameof(MonitoringCell.IncomeChangeRecords), monitored, monitored));
    }

    /// <summary>Measures with a value drawn between each one's bounds (inclusive).</summary>
    private static Measures Measure(Random random, params (string Name, int Min, int Max)[] values)
    {
        var measures = new Measures();
        foreach (var (name, min, max) in values) measures.Add(name, random.Next(min, max + 1));
        return measures;
    }
}
