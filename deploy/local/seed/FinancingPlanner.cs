using System.Globalization;

namespace RedesPlataforma.Seed;

public sealed record PlannedTranche(DateOnly On, decimal AmountPen, string Reference);

public sealed record PlannedContribution(DateOnly On, decimal CashPen, decimal InKindPen, string Description);

/// <summary>A plan to seed: its network, where it ends up, what it asks for and, once approved, what is paid and put in.</summary>
public sealed record PlannedPlan(
    NetworkSummary Network, PlanTarget Target, string Title, string Objectives, IReadOnlyList<BudgetLineRequest> Lines, string? Decision,
    IReadOnlyList<PlannedTranche> Tranches, IReadOnlyList<PlannedContribution> Contributions)
{
    public decimal TotalPen => Lines.Sum(l => l.ProgrammeFundsPen + l.NetworkCashPen + l.NetworkInKindPen);
    public decimal ContributionPen => Lines.Sum(l => l.NetworkCashPen + l.NetworkInKindPen);
}

/// <summary>
/// Turns a <see cref="FinancingPortfolio"/> into concrete plans for a tenant's networks. Pure: the same portfolio,
/// programme and networks always give the same plans. Amounts are whole soles, so the totals the snapshot fixes come
/// out exact: each counted plan's total and contribution are drawn, scaled to the targets, and the last plan takes
/// the rounding; every plan is then checked against the programme's rules before anything is written.
/// </summary>
public static class FinancingPlanner
{
    /// <summary>What a chain's plan buys and builds: equipment (in how many units) and its infrastructure.</summary>
    private sealed record Investment(string Equipment, int Units, string Infrastructure);

    private static readonly Dictionary<string, Investment> Investments = new()
    {
        ["cuy"] = new("Jaulas metálicas con comederos y bebederos para cuyes", 60, "Galpón mejorado de crianza de cuyes (adobe, calamina y pozas)"),
        ["dairy"] = new("Tanque de enfriamiento de leche de 1,000 litros", 1, "Centro de acopio de leche con sala de ordeño"),
        ["dairy-derivatives"] = new("Pasteurizador, prensa y moldes de acero inoxidable", 1, "Ampliación de la planta quesera con cámara de maduración"),
        ["canihua"] = new("Trilladora y venteadora estacionaria de granos", 2, "Almacén de granos con tarimas y tendal de secado"),
        ["quinoa"] = new("Trilladora, venteadora y seleccionadora de quinua", 1, "Almacén y patio de secado de quinua"),
        ["granadilla"] = new("Kit de riego por goteo y javas de cosecha", 20, "Centro de acopio y selección de fruta"),
        ["mango"] = new("Balanza de plataforma, mesas de selección y jabas de cosecha", 4, "Centro de acopio y empaque de mango"),
        ["coffee"] = new("Despulpadoras y secadores solares de café", 10, "Módulos de beneficio húmedo y secado"),
        ["cacao"] = new("Cajones fermentadores y secadores solares de cacao", 12, "Centro de fermentación y secado de cacao"),
        ["native-potato"] = new("Seleccionadora y clasificadora de papa", 1, "Almacén rústico con luz difusa"),
        ["alpaca-fibre"] = new("Máquinas esquiladoras y mesas de envellonado", 6, "Cobertizo y centro de acopio de fibra"),
        ["honey"] = new("Colmenas Langstroth con núcleos, centrífuga y equipos de protección", 40, "Sala de extracción y envasado de miel"),
        ["trout"] = new("Jaulas flotantes con redes para trucha", 8, "Sala de eviscerado con cámara de frío"),
        ["avocado"] = new("Kit de riego tecnificado y tijeras de cosecha", 15, "Centro de acopio y selección de palta"),
        ["maca"] = new("Molino pulverizador y secador de maca", 1, "Eras de secado y almacén de maca"),
        ["tara"] = new("Despulpadora de vainas de tara", 2, "Almacén y tendal de secado de tara"),
    };

    private static readonly string[] Returns =
    [
        "Detallar las cotizaciones del equipamiento (tres proformas) y el cronograma de desembolsos.",
        "Precisar el aporte en especie: valorizar la mano de obra por jornal y los materiales de la zona.",
    ];

    private static readonly string[] Rejections =
    [
        "El plan no sustenta la demanda: no presenta cartas de intención de compra ni precios de referencia.",
        "La red no acredita la propiedad o cesión en uso del terreno donde se construiría la infraestructura.",
    ];

    public static IReadOnlyList<PlannedPlan> Build(FinancingPortfolio portfolio, PublishProgrammeRequest programme, IReadOnlyList<NetworkSummary> networks)
    {
        var random = new Random(portfolio.RandomSeed);
        var targets = portfolio.Plans.OrderByDescending(p => p.Target).SelectMany(p => Enumerable.Repeat(p.Target, p.Count)).ToList();
        var candidates = Candidates(random, networks, programme.MinPhase);
        if (candidates.Count < targets.Count)
            throw new InvalidOperationException($"{portfolio.Slug}: {targets.Count} plans planned but only {candidates.Count} networks have reached phase {programme.MinPhase}");

        var (totals, contributions) = Amounts(random, portfolio, targets);
        var plans = new List<PlannedPlan>(targets.Count);
        for (var i = 0; i < targets.Count; i++)
        {
            var network = candidates[i];
            var profile = ChainProfiles.Of(network.ValueChainCode);
            var lines = Lines(random, profile, Investments[network.ValueChainCode], totals[i], contributions[i]);
            var funds = totals[i] - contributions[i];
            var decision = targets[i] switch
            {
                PlanTarget.Returned => Returns[plans.Count(p => p.Target == PlanTarget.Returned) % Returns.Length],
                PlanTarget.Rejected => Rejections[plans.Count(p => p.Target == PlanTarget.Rejected) % Rejections.Length],
                >= PlanTarget.Approved => $"Cumple las reglas de {programme.Name}: la red aporta el " +
                    $"{(contributions[i] / totals[i] * 100).ToString("0.0", CultureInfo.InvariantCulture)} % y el mercado está identificado.",
                _ => null,
            };
            var start = new DateOnly(2025, 5, 5).AddDays(random.Next(0, 120));
            var reference = $"AL2-{portfolio.Slug.ToUpperInvariant()}-{i + 1:000}";
            var cash = lines.Sum(l => l.NetworkCashPen);
            var inKind = lines.Sum(l => l.NetworkInKindPen);
            var (tranches, contributed) = targets[i] switch
            {
                // Closed: every tranche paid and everything the network promised put in.
                PlanTarget.Closed => (Tranches(start, reference, funds, [0.40m, 0.35m]), Contributions(start, profile, cash, inKind, 1m)),
                // In execution: the first tranche, a second one for every other plan, and part of the contribution.
                PlanTarget.InExecution => (Tranches(start, reference, funds, i % 2 == 0 ? [0.50m, 0.30m] : [0.50m], complete: false),
                    Contributions(start, profile, cash, inKind, 0.5m)),
                _ => ([], []),
            };
            plans.Add(new PlannedPlan(network, targets[i], $"Plan de negocio conjunto: {network.Name}", Objectives(random, profile, network), lines,
                decision, tranches, contributed));
        }
        Check(portfolio, programme, plans);
        return plans;
    }

    /// <summary>Networks that may get a plan: consolidated ones first (they had time to run one), then those in phase 3, each group shuffled.</summary>
    private static List<NetworkSummary> Candidates(Random random, IReadOnlyList<NetworkSummary> networks, int minPhase)
    {
        var eligible = networks.Where(n => Array.IndexOf(NetworksSeed.PhaseNames, n.Phase) >= minPhase).OrderBy(n => n.Name, StringComparer.Ordinal);
        return [.. eligible.GroupBy(n => n.Phase).OrderByDescending(g => Array.IndexOf(NetworksSeed.PhaseNames, g.Key))
            .SelectMany(g => g.OrderBy(_ => random.Next()))];
    }

    /// <summary>
    /// Each plan's total and network contribution in whole soles. The counted plans are scaled to the portfolio's exact
    /// totals (the last one takes the rounding); the others are drawn freely, above the programme's minimum share.
    /// </summary>
    private static (decimal[] Totals, decimal[] Contributions) Amounts(Random random, FinancingPortfolio portfolio, List<PlanTarget> targets)
    {
        var totals = targets.Select(_ => (decimal)random.Next(9_000, 16_001) * 10).ToArray();
        var shares = targets.Select(_ => 0.32m + random.Next(-12, 21) / 1000m).ToArray();
        var counted = Enumerable.Range(0, targets.Count).Where(i => DemoFinancing.Counts(targets[i])).ToList();
        if (portfolio.CountedTotalPen is { } total && counted.Count > 0)
        {
            // Drawn around their mean (70 % to 120 % of it), so scaling to the exact total stretches no plan past the rules.
            foreach (var i in counted) totals[i] = total / counted.Count * (0.70m + random.Next(0, 51) / 100m);
            var drawn = counted.Sum(i => totals[i]);
            foreach (var i in counted.SkipLast(1)) totals[i] = Math.Round(totals[i] * total / drawn / 10) * 10;
            totals[counted[^1]] = total - counted.SkipLast(1).Sum(i => totals[i]);
        }
        var contributions = totals.Select((t, i) => Math.Round(t * shares[i])).ToArray();
        if (portfolio.CountedContributionPen is { } target && counted.Count > 0)
        {
            // What the drawn shares miss is spread over the counted plans by size; the last takes the rounding.
            var missing = target - counted.Sum(i => contributions[i]);
            var countedTotal = counted.Sum(i => totals[i]);
            foreach (var i in counted.SkipLast(1)) contributions[i] += Math.Round(missing * totals[i] / countedTotal);
            contributions[counted[^1]] = target - counted.SkipLast(1).Sum(i => contributions[i]);
        }
        return (totals, contributions);
    }

    /// <summary>
    /// Six lines adding up to the plan's total: equipment, infrastructure, technical assistance, training, marketing and
    /// working capital (which takes the rest). The network's part goes in kind to the works and training (labour, local
    /// materials, the venue) and in cash to working capital and marketing first, as networks usually commit it.
    /// </summary>
    private static List<BudgetLineRequest> Lines(Random random, ChainProfile profile, Investment investment, decimal total, decimal contribution)
    {
        var shapes = new (string Category, string Description, decimal Share, int Quantity)[]
        {
            ("Equipment", investment.Equipment, 0.32m, investment.Units),
            ("Infrastructure", investment.Infrastructure, 0.24m, 1),
            ("TechnicalAssistance", $"Asistencia técnica especializada (meses): {profile.PostHarvestPractices[0].ToLowerInvariant()}", 0.12m, 12),
            ("Training", $"Pasantía y talleres de capacitación: {profile.PostHarvestPractices[1].ToLowerInvariant()}", 0.07m, 4),
            ("Marketing", $"Marca colectiva, registro sanitario y ferias para vender a: {profile.MarketChannels[0]}", 0.08m, 1),
            ("WorkingCapital", $"Capital de trabajo para el acopio de {profile.Product}", 0m, 1),
        };
        var units = shapes.Select(s => s.Share == 0 ? 0m : Math.Floor(total * s.Share / s.Quantity)).ToArray();
        units[^1] = total - shapes.SkipLast(1).Select((s, i) => units[i] * s.Quantity).Sum();
        var amounts = shapes.Select((s, i) => units[i] * s.Quantity).ToArray();

        var inKind = new decimal[shapes.Length];
        var cash = new decimal[shapes.Length];
        var inKindLeft = Math.Round(contribution * (0.45m + random.Next(0, 21) / 100m));
        var cashLeft = contribution - inKindLeft;
        // (line, the most of its amount the network can put in that way)
        foreach (var (line, cap) in new[] { (1, 0.8m), (3, 0.5m), (2, 0.3m), (0, 0.2m) }) Take(inKind, line, cap, ref inKindLeft);
        foreach (var (line, cap) in new[] { (5, 1m), (4, 0.5m), (0, 0.4m), (2, 0.3m) }) Take(cash, line, cap, ref cashLeft);
        if (inKindLeft + cashLeft != 0) throw new InvalidOperationException($"a plan of {total} cannot hold a contribution of {contribution}");

        return [.. shapes.Select((s, i) => new BudgetLineRequest(s.Category, s.Description, s.Quantity, units[i], amounts[i] - cash[i] - inKind[i], cash[i], inKind[i]))];

        void Take(decimal[] part, int line, decimal cap, ref decimal left)
        {
            var room = Math.Min(Math.Floor(amounts[line] * cap), amounts[line] - cash[line] - inKind[line]);
            var taken = Math.Min(room, left);
            part[line] += taken;
            left -= taken;
        }
    }

    private static string Objectives(Random random, ChainProfile profile, NetworkSummary network) =>
        $"Aumentar en {random.Next(20, 41)} % las ventas conjuntas de {profile.Product} de los {network.MemberCount} socios de la red, " +
        $"adoptar {profile.PostHarvestPractices[0].ToLowerInvariant()} y {profile.PostHarvestPractices[1].ToLowerInvariant()}, " +
        $"y vender de forma asociada (clientes: {profile.MarketChannels[0]}; {profile.MarketChannels[1]}).";

    /// <summary>Tranches of the programme funds at the given shares, roughly every three months; when complete, a last one pays the rest.</summary>
    private static List<PlannedTranche> Tranches(DateOnly start, string reference, decimal funds, decimal[] shares, bool complete = true)
    {
        var amounts = shares.Select(s => Math.Round(funds * s)).ToList();
        if (complete) amounts.Add(funds - amounts.Sum());
        return [.. amounts.Select((a, k) => new PlannedTranche(start.AddDays(30 + 95 * k), a, $"{reference}-D{k + 1}"))];
    }

    /// <summary>What the network has put in by now: <paramref name="done"/> of its promised in-kind and cash contribution.</summary>
    private static List<PlannedContribution> Contributions(DateOnly start, ChainProfile profile, decimal cash, decimal inKind, decimal done)
    {
        var records = new List<PlannedContribution>();
        if (Math.Round(inKind * done) is > 0 and var kind)
            records.Add(new(start.AddDays(60), 0m, kind,
                "Mano de obra de los socios (jornales valorizados) y materiales de la zona para la obra y las capacitaciones"));
        if (Math.Round(cash * done) is > 0 and var money)
            records.Add(new(start.AddDays(75), money, 0m, $"Aporte en efectivo de los socios para el capital de trabajo y la venta de {profile.Product}"));
        return records;
    }

    /// <summary>The programme's rules and the snapshot's totals, checked before a single call is made.</summary>
    private static void Check(FinancingPortfolio portfolio, PublishProgrammeRequest programme, IReadOnlyList<PlannedPlan> plans)
    {
        foreach (var plan in plans)
        {
            var funds = plan.TotalPen - plan.ContributionPen;
            if (plan.ContributionPen < programme.MinNetworkContributionShare * plan.TotalPen || funds > programme.MaxProgrammeFundsPerPlanPen ||
                plan.Lines.Any(l => l.UnitCostPen <= 0 || l.ProgrammeFundsPen < 0) || plan.Tranches.Sum(t => t.AmountPen) > funds)
                throw new InvalidOperationException($"{portfolio.Slug}: the plan for {plan.Network.Name} breaks {programme.Name}'s rules " +
                                                    $"(total {plan.TotalPen}, contribution {plan.ContributionPen}); choose another RandomSeed");
        }
        var counted = plans.Where(p => DemoFinancing.Counts(p.Target)).ToList();
        if (portfolio.CountedTotalPen is { } total && (counted.Sum(p => p.TotalPen) != total || counted.Sum(p => p.ContributionPen) != portfolio.CountedContributionPen))
            throw new InvalidOperationException($"{portfolio.Slug}: the counted plans add up to {counted.Sum(p => p.TotalPen)}, not {total}");
        if (counted.Sum(p => p.TotalPen - p.ContributionPen) > programme.TotalBudgetPen)
            throw new InvalidOperationException($"{portfolio.Slug}: the counted plans need more than {programme.Name}'s budget");
    }
}
