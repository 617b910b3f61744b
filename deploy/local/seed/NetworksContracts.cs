namespace RedesPlataforma.Seed;

// The slices of the Networks API's request and response records the seed uses (services/Networks: Places/PlacesApi.cs,
// Producers/ProducerDtos.cs, Producers/Import/ImportReport.cs, BusinessNetworks/NetworkDtos.cs,
// Monitoring/MonitoringDtos.cs). Copied by shape, like Contracts.cs; enums travel as text
// (Gender Female/Male, LegalForm Informal/Association/Cooperative, Phase Preparation … Consolidation).

public sealed record DistrictDto(string Code, string ReniecCode, string Name, string ProvinceName, string DepartmentName, string RegionCode);

public sealed record ProducerSummary(
    Guid Id, string Dni, string FirstNames, string LastNames, string Gender, int BirthYear, string DistrictCode, string RegionCode, bool IsActive);

public sealed record ImportRowError(int Line, IReadOnlyList<ImportReason> Reasons);

public sealed record ImportReason(string Field, string Code, string Message);

public sealed record ImportReport(
    string FileName, string Mode, bool DryRun, int TotalRows, int ValidRows, int InvalidRows, int Inserted, bool Committed,
    string Message, IReadOnlyList<string> Warnings, IReadOnlyList<ImportRowError> Errors);

public sealed record FormNetworkRequest(
    string Name, string ValueChainCode, string RegionCode, Guid SpecialistId, IReadOnlyList<Guid> MemberIds, Guid LeaderProducerId,
    DateOnly FormedOn, string LegalForm, string? Ruc);

public sealed record UpdateNetworkRequest(string Name, string LegalForm, string? Ruc);

public sealed record ChangePhaseRequest(string ToPhase, DateOnly On, string Evidence, string? DocumentUrl, string? Reason);

public sealed record NetworkSummary(
    Guid Id, string Name, string ValueChainCode, string RegionCode, Guid SpecialistId, string Phase, bool WomenLed,
    string LegalForm, DateOnly FormedOn, int MemberCount);

public sealed record NetworkDetails(
    Guid Id, string Name, string ValueChainCode, string RegionCode, Guid SpecialistId, DateOnly FormedOn, string LegalForm, string? Ruc,
    string Phase, bool WomenLed, int MemberCount, int FemaleMemberCount);

public sealed record PhaseChangeDto(string FromPhase, string ToPhase, DateOnly On, string Evidence);

public sealed record MonitoringRequest(
    DateOnly Period, decimal SalesPen, decimal Volume, string VolumeUnit, decimal Productivity, string ProductivityUnit,
    IReadOnlyList<string> PostHarvestPractices, IReadOnlyList<string> MarketChannels, decimal AverageMemberNetIncomePen);

public sealed record MonitoringRecordDto(DateOnly Period, decimal SalesPen, decimal AverageMemberNetIncomePen);

public sealed record MonitoringOverview(Guid NetworkId, IReadOnlyList<MonitoringRecordDto> Records, decimal? IncomeChangePercent);
