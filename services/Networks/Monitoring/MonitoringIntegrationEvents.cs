using RedesPlataforma.Contracts.Networks;
using RedesPlataforma.Networks.BusinessNetworks;

namespace RedesPlataforma.Networks.Monitoring;

/// <summary>The integration event a monitoring record publishes, built only here for the live records and the republish alike.</summary>
static class MonitoringIntegrationEvents
{
    /// <summary>
    /// <paramref name="incomesByPeriod"/> are the network's average incomes in period order up to the one the income change
    /// is reported for; <paramref name="memberCount"/> is the network's current member count.
    /// </summary>
    public static MonitoringRecorded Recorded(BusinessNetwork network, MonitoringRecord record, IReadOnlyList<decimal> incomesByPeriod, int memberCount) => new(
        network.TenantId, network.Id, network.ValueChainCode, network.RegionCode, record.Period, record.SalesPen,
        record.AverageMemberNetIncomePen, IncomeChange.Percent(incomesByPeriod), memberCount);
}
