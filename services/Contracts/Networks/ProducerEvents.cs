namespace RedesPlataforma.Contracts.Networks;

// Version 1 of the Networks service's integration events. They carry what Reporting aggregates (tenant, region,
// district, chain, gender, amounts) and never a producer's name, DNI or phone.

public record ProducerRegistered(
    Guid TenantId, Guid ProducerId, string RegionCode, string DistrictCode, string Gender, int BirthYear, DateTimeOffset RegisteredAt);

public record ProducerChanged(
    Guid TenantId, Guid ProducerId, string RegionCode, string DistrictCode, string Gender, int BirthYear, bool IsActive, DateTimeOffset ChangedAt);
