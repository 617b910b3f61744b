using RedesPlataforma.Contracts.Networks;

namespace RedesPlataforma.Networks.Producers;

/// <summary>The integration events a producer's changes publish (the bulk import writes the same JSON in SQL).</summary>
static class ProducerIntegrationEvents
{
    public static ProducerRegistered Registered(Producer producer, DateTimeOffset at) => new(
        producer.TenantId, producer.Id, producer.RegionCode, producer.DistrictCode, producer.Gender.ToString(), producer.BirthYear, at);

    public static ProducerChanged Changed(Producer producer, DateTimeOffset at) => new(
        producer.TenantId, producer.Id, producer.RegionCode, producer.DistrictCode, producer.Gender.ToString(), producer.BirthYear, producer.IsActive, at);
}
