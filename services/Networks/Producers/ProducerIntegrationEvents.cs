using RedesPlataforma.Contracts.Networks;

namespace RedesPlataforma.Networks.Producers;

/// <summary>The integration events a producer's changes publish (the bulk import writes the same JSON in SQL, with the
/// hashes it computes with the same <see cref="DniHasher"/>).</summary>
static class ProducerIntegrationEvents
{
    public static ProducerRegistered Registered(Producer producer, DateTimeOffset at, DniHasher dni) => new(
        producer.TenantId, producer.Id, producer.RegionCode, producer.DistrictCode, producer.Gender.ToString(), producer.BirthYear, at, dni.Of(producer));

    public static ProducerChanged Changed(Producer producer, DateTimeOffset at, DniHasher dni) => new(
        producer.TenantId, producer.Id, producer.RegionCode, producer.DistrictCode, producer.Gender.ToString(), producer.BirthYear, producer.IsActive, at,
        dni.Of(producer));

    /// <summary>The anonymous member the producer became: their reportable state, with the anonymous key for the DNI's hash.</summary>
    public static ProducerErased Erased(Producer producer, DniHasher dni) => new(
        producer.TenantId, producer.Id, producer.RegionCode, producer.DistrictCode, producer.Gender.ToString(), producer.BirthYear, producer.IsActive,
        producer.ErasedAt!.Value, dni.Of(producer));

    /// <summary>A producer as a ProducersImported batch carries it (what <see cref="Registered"/> carries, less the tenant and time the batch holds).</summary>
    public static ImportedProducer Imported(Producer producer, DniHasher dni) => new(
        producer.Id, producer.RegionCode, producer.DistrictCode, producer.Gender.ToString(), producer.BirthYear, dni.Of(producer));
}
