using RedesPlataforma.Contracts.Financing;

namespace RedesPlataforma.Financing.Programmes;

static class ProgrammeIntegrationEvents
{
    public static ProgrammePublished Published(Programme programme, DateTimeOffset at) => new(programme.Id, programme.OwnerTenantId,
        programme.Name, programme.Funder, programme.TotalBudgetPen, programme.MaxProgrammeFundsPerPlanPen, programme.MinNetworkContributionShare,
        programme.StartsOn, programme.EndsOn, programme.EligibleValueChains, programme.EligibleRegions, at);

    public static ProgrammeChanged Changed(Programme programme, DateTimeOffset at) => new(programme.Id, programme.OwnerTenantId,
        programme.Name, programme.Funder, programme.TotalBudgetPen, programme.MaxProgrammeFundsPerPlanPen, programme.MinNetworkContributionShare,
        programme.StartsOn, programme.EndsOn, programme.EligibleValueChains, programme.EligibleRegions, programme.ClosedAt, at);
}
