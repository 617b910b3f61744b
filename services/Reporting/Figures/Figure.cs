using RedesPlataforma.Reporting.Cells;

namespace RedesPlataforma.Reporting.Figures;

/// <summary>Whom a figure's value is built from, which small-cell suppression checks against its thresholds.</summary>
public enum Basis
{
    /// <summary>Not about producers or networks (institutions, specialists): never suppressed.</summary>
    None,
    /// <summary>A count of producers: the value is the number of producers.</summary>
    Producers,
    /// <summary>A count of networks: the value is the number of networks.</summary>
    Networks,
    /// <summary>A count of network members: the value is the number of producers, from the row's networks.</summary>
    Members,
    /// <summary>Co-financing: built from the networks with an approved plan and their members.</summary>
    Financed,
    /// <summary>Monitoring: built from the networks with a monitoring record and their members.</summary>
    Monitored,
}

/// <summary>A column of the published tables: how its value comes from a row's summed measures.</summary>
public sealed record Figure(string Key, string Label, Basis Basis, Func<Measures, decimal?> Value)
{
    /// <summary>The total row is the sum of the rows. False for distinct counts and ratios.</summary>
    public bool Additive { get; init; } = true;

    /// <summary>For a ratio: the published figures it is computed from; it is hidden whenever one of them is, or it would give it away.</summary>
    public IReadOnlyList<Figure> Inputs { get; init; } = [];

    /// <summary>The numbers of producers and networks a cell with this value, in a row with these measures, is built from.</summary>
    public (int? Producers, int? Networks) Contributors(Measures row, decimal value) => Basis switch
    {
        Basis.Producers => ((int)value, null),
        Basis.Networks => (null, (int)value),
        Basis.Members => ((int)value, (int)row[nameof(NetworkCell.Networks)]),
        Basis.Financed => ((int)row[nameof(NetworkCell.FinancedMembers)], (int)row[nameof(NetworkCell.FinancedNetworks)]),
        Basis.Monitored => ((int)row[nameof(NetworkCell.MonitoredMembers)], (int)row[nameof(NetworkCell.MonitoredNetworks)]),
        _ => (null, null),
    };
}

/// <summary>
/// Every figure the dashboards publish. Money is PEN; percentages have two decimals. "Institutions" counts the tenants
/// with networks in the row; the network contribution is cash plus in kind; the contribution share is the network's part
/// of the approved plans' co-financed total; investment per producer divides that total by the members of the networks
/// that have an approved plan; the income change is the mean of the records' change against each network's first record.
/// </summary>
public static class Catalog
{
    public static readonly Figure Institutions = new("institutions", "Instituciones con redes / Institutions with networks", Basis.None,
        m => m[Measures.Institutions]) { Additive = false };

    public static readonly Figure Specialists = Count("specialists", "Especialistas / Specialists", Basis.None, nameof(SpecialistCell.Specialists));
    public static readonly Figure TrainedSpecialists = Count("specialists_trained", "Especialistas capacitados / Trained specialists", Basis.None, nameof(SpecialistCell.TrainedSpecialists));

    public static readonly Figure Producers = Count("producers", "Productores / Producers", Basis.Producers, nameof(ProducerMeasures.Producers));
    public static readonly Figure FemaleProducers = Count("producers_women", "Productoras / Women producers", Basis.Producers, nameof(ProducerMeasures.FemaleProducers));
    public static readonly Figure MaleProducers = Count("producers_men", "Productores varones / Men producers", Basis.Producers, nameof(ProducerMeasures.MaleProducers));
    /// <summary>National only: a person several institutions work with counts once (docs/decisions/0026).</summary>
    public static readonly Figure UniqueProducers = new("producers_unique", "Productores únicos / Unique producers", Basis.Producers,
        m => m[Measures.UniqueProducers]) { Additive = false };

    public static readonly Figure Networks = Count("networks", "Redes / Networks", Basis.Networks, nameof(NetworkCell.Networks));
    public static readonly Figure WomenLedNetworks = Count("networks_women_led", "Redes lideradas por mujeres / Women-led networks", Basis.Networks, nameof(NetworkCell.WomenLedNetworks));
    public static readonly Figure Members = Count("members", "Socios de redes / Network members", Basis.Members, nameof(NetworkCell.Members));
    public static readonly Figure FemaleMembers = Count("members_women", "Socias de redes / Women members", Basis.Members, nameof(NetworkCell.FemaleMembers));

    public static readonly Figure PlansApproved = Count("plans_approved", "Planes aprobados / Approved plans", Basis.Financed, nameof(FinancingMeasures.PlansApproved));
    public static readonly Figure ProgrammeFunds = Money("programme_funds_approved", "Fondos del programa aprobados (S/) / Programme funds approved (PEN)",
        Basis.Financed, m => m[nameof(FinancingMeasures.ProgrammeFunds)]);
    public static readonly Figure NetworkContribution = Money("network_contribution_approved", "Aporte de las redes aprobado (S/) / Network contribution approved (PEN)",
        Basis.Financed, ApprovedContribution);
    public static readonly Figure ContributionShare = Ratio("contribution_share_percent", "Participación del aporte de las redes (%) / Network contribution share (%)",
        Basis.Financed, m => Percent(ApprovedContribution(m), m[nameof(FinancingMeasures.ProgrammeFunds)] + ApprovedContribution(m)), ProgrammeFunds, NetworkContribution);
    public static readonly Figure Disbursed = Money("disbursed", "Desembolsado (S/) / Disbursed (PEN)", Basis.Financed, m => m[nameof(FinancingMeasures.Disbursed)]);
    public static readonly Figure ContributionExecuted = Money("contribution_executed", "Aporte ejecutado (S/) / Contribution executed (PEN)", Basis.Financed,
        m => m[nameof(FinancingMeasures.ExecutedCash)] + m[nameof(FinancingMeasures.ExecutedInKind)]);
    public static readonly Figure InvestmentPerProducer = Ratio("investment_per_producer", "Inversión por productor (S/) / Investment per producer (PEN)",
        Basis.Financed, m => Divide(m[nameof(FinancingMeasures.ProgrammeFunds)] + ApprovedContribution(m), m[nameof(NetworkCell.FinancedMembers)]),
        ProgrammeFunds, NetworkContribution);

    public static readonly Figure Sales = Money("sales", "Ventas (S/) / Sales (PEN)", Basis.Monitored, m => m[nameof(MonitoringMeasures.Sales)]);
    public static readonly Figure IncomeChange = Ratio("income_change_percent", "Variación del ingreso (%) / Income change (%)", Basis.Monitored,
        m => Divide(m[nameof(MonitoringMeasures.IncomeChangeSum)], m[nameof(MonitoringMeasures.IncomeChangeRecords)]));

    /// <summary>
    /// Relations among the figures of one row, which every table showing them publishes: every producer is a woman or a
    /// man; and unique producers are the producers less the registrations of people another institution already counts,
    /// a number a reader may well know (none, where institutions work apart), so that either figure gives the other away
    /// (docs/decisions/0029).
    /// </summary>
    public static readonly IReadOnlyList<(Figure Total, Figure[] Parts)> RowRelations =
        [(Producers, [FemaleProducers, MaleProducers]), (Producers, [UniqueProducers])];

    public static readonly IReadOnlyList<Figure> ProducerFigures = [Producers, FemaleProducers, MaleProducers];
    public static readonly IReadOnlyList<Figure> NetworkFigures = [Networks, WomenLedNetworks, Members, FemaleMembers];
    public static readonly IReadOnlyList<Figure> FinancingFigures =
        [PlansApproved, ProgrammeFunds, NetworkContribution, ContributionShare, Disbursed, ContributionExecuted, InvestmentPerProducer];
    public static readonly IReadOnlyList<Figure> MonitoringFigures = [Sales, IncomeChange];

    public static readonly IReadOnlyList<Figure> All =
        [Institutions, Specialists, TrainedSpecialists, .. ProducerFigures, UniqueProducers, .. NetworkFigures, .. FinancingFigures, .. MonitoringFigures];

    private static decimal ApprovedContribution(Measures m) => m[nameof(FinancingMeasures.NetworkCash)] + m[nameof(FinancingMeasures.NetworkInKind)];

    private static decimal? Divide(decimal numerator, decimal denominator) => denominator == 0 ? null : decimal.Round(numerator / denominator, 2);

    private static decimal? Percent(decimal part, decimal whole) => Divide(100 * part, whole);

    private static Figure Count(string key, string label, Basis basis, string measure) => new(key, label, basis, m => m[measure]);

    private static Figure Money(string key, string label, Basis basis, Func<Measures, decimal> value) => new(key, label, basis, m => decimal.Round(value(m), 2));

    private static Figure Ratio(string key, string label, Basis basis, Func<Measures, decimal?> value, params Figure[] inputs) =>
        new(key, label, basis, value) { Additive = false, Inputs = inputs };
}
