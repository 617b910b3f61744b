namespace RedesPlataforma.Contracts.Networks;

public record NetworkFormed(
    Guid TenantId, Guid NetworkId, string ValueChain, string RegionCode, Guid SpecialistId, bool WomenLed, int Phase,
    int MemberCount, int FemaleMemberCount, DateOnly FormedOn);

/// <summary>A producer joined or left; the counts are the network's after the change.</summary>
public record NetworkMembershipChanged(
    Guid TenantId, Guid NetworkId, Guid ProducerId, bool Joined, int MemberCount, int FemaleMemberCount, DateOnly On);

public record NetworkLeaderChanged(Guid TenantId, Guid NetworkId, Guid LeaderProducerId, string LeaderGender, bool WomenLed, DateOnly On);

/// <summary>A supervisor handed the network to another specialist of the same tenant.</summary>
public record NetworkSpecialistReassigned(Guid TenantId, Guid NetworkId, Guid FromSpecialistId, Guid ToSpecialistId, DateOnly On);

public record NetworkPhaseAdvanced(
    Guid TenantId, Guid NetworkId, string ValueChain, string RegionCode, int FromPhase, int ToPhase, DateOnly On);

/// <summary>A network's monitoring record for a month; <c>IncomeChangePercent</c> is against the network's first record.</summary>
public record MonitoringRecorded(
    Guid TenantId, Guid NetworkId, string ValueChain, string RegionCode, DateOnly Period, decimal SalesPen,
    decimal AverageMemberNetIncomePen, decimal? IncomeChangePercent, int MemberCount);
