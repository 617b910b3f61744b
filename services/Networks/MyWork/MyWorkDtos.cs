using RedesPlataforma.Networks.BusinessNetworks;

namespace RedesPlataforma.Networks.MyWork;

/// <summary>A specialist's (or a supervisor's, over the team) home: networks with what is due, producers, recent activity.</summary>
public sealed record MyWork(IReadOnlyList<MyWorkNetwork> Networks, MyWorkProducers Producers, IReadOnlyList<MyWorkActivity> Recent);

/// <param name="Region">The region's code (PE-CUS …), as networks are listed elsewhere.</param>
/// <param name="MonitoringDueFor">Last month (Peru's calendar) as "YYYY-MM" when the network has no record for it, else null.</param>
public sealed record MyWorkNetwork(
    Guid Id, string Name, string ValueChainCode, string Region, Phase Phase, string? SpecialistName, int MemberCount,
    string? MonitoringDueFor, int MembersWithoutConsentDate);

public sealed record MyWorkProducers(int Total, int WithoutConsentDate);

public enum MyWorkActivityKind { ProducerRegistered, NetworkFormed, MemberAdded, PhaseAdvanced, MonitoringRecorded }

public sealed record MyWorkActivity(
    DateTimeOffset At, MyWorkActivityKind Kind, Guid? NetworkId, string? NetworkName, Guid? ProducerId, string? ProducerName);
