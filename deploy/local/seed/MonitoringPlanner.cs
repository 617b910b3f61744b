namespace RedesPlataforma.Seed;

/// <summary>
/// A year of monthly monitoring records for one network: sales that follow the chain's season and grow 12–45 % over the
/// year as the network sells together, a slowly rising price and productivity, post-harvest practices and market
/// channels adopted one after another, and members' average net income rising 10–40 % from January to December.
/// </summary>
public static class MonitoringPlanner
{
    public static List<MonitoringRequest> Year(Random random, ChainProfile profile, int members, int year)
    {
        var perMember = Between(random, profile.MonthlyVolumePerMember);
        var price = Between(random, profile.Price);
        var productivity = Between(random, profile.Productivity);
        var income = Between(random, profile.MonthlyIncome);
        var volumeGrowth = Between(random, (0.12, 0.45));
        var priceGrowth = Between(random, (0.0, 0.08));
        var productivityGrowth = Between(random, (0.03, 0.12));
        var incomeGrowth = Between(random, (0.10, 0.40));
        var practicesAtStart = random.Next(1, 3);
        var channelsAtStart = random.Next(1, 3);
        var newChannelIn = random.Next(4, 10);
        var wholeUnits = profile.VolumeUnit is "cuyes" or "litros";

        var records = new List<MonitoringRequest>(12);
        for (var month = 0; month < 12; month++)
        {
            var t = month / 11.0;
            var edge = month is 0 or 11; // first and last month exact, so the income change is what was drawn
            var volume = members * perMember * profile.Season[month] * (1 + volumeGrowth * t) * (edge ? 1 : Between(random, (0.93, 1.07)));
            var roundedVolume = Math.Round((decimal)volume, wholeUnits ? 0 : 1);
            var monthPrice = price * (1 + priceGrowth * t) * Between(random, (0.98, 1.02));
            var practices = Math.Min(profile.PostHarvestPractices.Length,
                practicesAtStart + (int)Math.Floor(t * (profile.PostHarvestPractices.Length - practicesAtStart + 0.99)));
            var channels = Math.Min(profile.MarketChannels.Length, channelsAtStart + (month >= newChannelIn ? 1 : 0));
            records.Add(new MonitoringRequest(
                Period: new DateOnly(year, month + 1, 1),
                SalesPen: Math.Round(roundedVolume * (decimal)monthPrice, 2),
                Volume: roundedVolume,
                VolumeUnit: profile.VolumeUnit,
                Productivity: Math.Round((decimal)(productivity * (1 + productivityGrowth * t) * Between(random, (0.98, 1.02))), 2),
                ProductivityUnit: profile.ProductivityUnit,
                PostHarvestPractices: profile.PostHarvestPractices[..practices],
                MarketChannels: profile.MarketChannels[..channels],
                AverageMemberNetIncomePen: Math.Round((decimal)(income * (1 + incomeGrowth * t) * (edge ? 1 : Between(random, (0.97, 1.03)))), 2)));
        }
        return records;
    }

    private static double Between(Random random, (double Min, double Max) range) => range.Min + random.NextDouble() * (range.Max - range.Min);
}
