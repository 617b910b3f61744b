using RedesPlataforma.Contracts.Networks;
using RedesPlataforma.Networks.Producers;

namespace RedesPlataforma.Networks.BusinessNetworks;

/// <summary>
/// The integration events a network's changes publish, built only here: the live changes and the republish to
/// Reporting then carry the same figures, and no call site lines up ten positional arguments of its own.
/// </summary>
static class NetworkIntegrationEvents
{
    public static NetworkFormed Formed(BusinessNetwork network, MemberCounts members) => new(
        network.TenantId, network.Id, network.ValueChainCode, network.RegionCode, network.SpecialistId, network.WomenLed, (int)network.Phase,
        members.Members, members.Women, network.FormedOn);

    /// <summary>A membership opened or closed, with the network's counts after the change.</summary>
    public static NetworkMembershipChanged MembershipChanged(BusinessNetwork network, Membership membership, MemberCounts members) => new(
        network.TenantId, network.Id, membership.ProducerId, membership.IsCurrent, members.Members, members.Women, membership.LeftOn ?? membership.JoinedOn);

    /// <summary>Once the network has its new leader, so women-led is the new leader's.</summary>
    public static NetworkLeaderChanged LeaderChanged(BusinessNetwork network, LeaderChange change, Gender leaderGender) => new(
        network.TenantId, network.Id, change.ToProducerId, leaderGender.ToString(), network.WomenLed, change.On);

    public static NetworkSpecialistReassigned SpecialistReassigned(BusinessNetwork network, SpecialistAssignment assignment) => new(
        network.TenantId, network.Id, assignment.FromSpecialistId!.Value, assignment.ToSpecialistId, assignment.On);

    public static NetworkPhaseAdvanced PhaseAdvanced(BusinessNetwork network, PhaseChange change) => new(
        network.TenantId, network.Id, network.ValueChainCode, network.RegionCode, (int)change.FromPhase, (int)change.ToPhase, change.On);
}
