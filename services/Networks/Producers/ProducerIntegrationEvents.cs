using RedesPlataforma.Contracts.Networks;

namespace RedesPlataforma.Networks.Producers;

/// <summary>The integration events a producer's changes publish (the bulk import writes the same JSON in SQL).</summary>
static class ProducerIntegrationEvents
{
    public static ProducerRegistered Registered(Producer producer, DateTimeOffset at) => new(
        producer.TenantId, producer.Id, producer.RegionCode, producer.DistrictCode, producer.Gender.ToString(), producer.BirthYear, at);

    public static ProducerChanged Changed(Producer producer, DateTimeOffset at) => new(
        producer.TenantId, producer.Id, producer.RegionCode, producer.DistrictCode, producer.Gender.ToString(), producer.BirthYear, producer.IsActive, at);

    /// <summary>A producer as a ProducersImported batch carries it (what <see cref="Registered"/> carries, less the tenant and time the batch holds).</summary>
    public static ImportedProducer Imported(Producer producer) => new(
        producer.Id, producer.RegionCode, producer.DistrictCode, producer.Gender.ToString(), producer.BirthYear);
}
