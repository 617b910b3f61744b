namespace RedesPlataforma.Contracts.Networks;

// Version 1 of the Networks service's integration events. They carry what Reporting aggregates (tenant, region,
// district, chain, gender, amounts) and never a producer's name, DNI or phone. DniHash is the DNI's keyed hash
// ("version:base64url", docs/decisions/0026), for counting people once nationally; null in events older than it.

public record ProducerRegistered(
    Guid TenantId, Guid ProducerId, string RegionCode, string DistrictCode, string Gender, int BirthYear, DateTimeOffset RegisteredAt, string? DniHash = null);

public record ProducerChanged(
    Guid TenantId, Guid ProducerId, string RegionCode, string DistrictCode, string Gender, int BirthYear, bool IsActive, DateTimeOffset ChangedAt, string? DniHash = null);

/// <summary>
/// A producer's personal data was erased (docs/decisions/0028): the producer stays as an anonymous member with this
/// reportable state. DniHash is no longer the DNI's hash but a key of the producer alone ("erased:" and the id).
/// </summary>
public record ProducerErased(
    Guid TenantId, Guid ProducerId, string RegionCode, string DistrictCode, string Gender, int BirthYear, bool IsActive, DateTimeOffset ErasedAt, string DniHash);

/// <summary>
/// Producers registered by one bulk import, at most <see cref="MaxProducers"/> per message (an import of 100,000 rows
/// sends 100 messages, not 100,000 outbox rows and inbox entries). Each producer is what a ProducerRegistered carries.
/// </summary>
public record ProducersImported(Guid TenantId, Guid ImportId, IReadOnlyList<ImportedProducer> Producers, DateTimeOffset RegisteredAt)
{
    public const int MaxProducers = 1_000;
}

public record ImportedProducer(Guid ProducerId, string RegionCode, string DistrictCode, string Gender, int BirthYear, string? DniHash = null);
