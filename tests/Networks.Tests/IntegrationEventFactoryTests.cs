using RedesPlataforma.Contracts.Networks;
using RedesPlataforma.Networks.BusinessNetworks;
using RedesPlataforma.Networks.Monitoring;
using RedesPlataforma.Networks.Producers;

namespace RedesPlataforma.Networks.Tests;

/// <summary>
/// Each event factory puts every figure in its own slot: the events are records of many same-typed positional values,
/// where a swapped pair would still compile. Every value below is distinct, so any swap shows.
/// </summary>
public sealed class IntegrationEventFactoryTests
{
    static readonly Guid Tenant = Guid.NewGuid();
    static readonly Guid Specialist = Guid.NewGuid();

    static readonly BusinessNetwork Network = new()
    {
        TenantId = Tenant, Name = "Red Quinua Puno", ValueChainCode = "quinoa", RegionCode = "PE-PUN", SpecialistId = Specialist,
        FormedOn = new DateOnly(2025, 1, 15), WomenLed = true, Phase = Phase.PilotBusinessPlan,
    };

    [Fact]
    public void Formed_carries_the_network_and_its_member_counts()
    {
        Assert.Equal(new NetworkFormed(Tenant, Network.Id, "quinoa", "PE-PUN", Specialist, true, 2, 7, 4, new DateOnly(2025, 1, 15)),
            NetworkIntegrationEvents.Formed(Network, new MemberCounts(7, 4)));
    }

    [Fact]
    public void A_membership_change_says_joined_on_the_joining_date_or_left_on_the_leaving_date()
    {
        var producer = Guid.NewGuid();
        var membership = new Membership { NetworkId = Network.Id, ProducerId = producer, JoinedOn = new DateOnly(2025, 3, 1) };
        Assert.Equal(new NetworkMembershipChanged(Tenant, Network.Id, producer, true, 8, 5, new DateOnly(2025, 3, 1)),
            NetworkIntegrationEvents.MembershipChanged(Network, membership, new MemberCounts(8, 5)));

        membership.LeftOn = new DateOnly(2025, 9, 3);
        Assert.Equal(new NetworkMembershipChanged(Tenant, Network.Id, producer, false, 6, 3, new DateOnly(2025, 9, 3)),
            NetworkIntegrationEvents.MembershipChanged(Network, membership, new MemberCounts(6, 3)));
    }

    [Fact]
    public void Leader_specialist_and_phase_changes_carry_what_changed_and_when()
    {
        var (from, to, leader) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal(new NetworkLeaderChanged(Tenant, Network.Id, leader, "Female", true, new DateOnly(2025, 9, 2)),
            NetworkIntegrationEvents.LeaderChanged(Network, new LeaderChange { ToProducerId = leader, On = new DateOnly(2025, 9, 2) }, Gender.Female));
        Assert.Equal(new NetworkSpecialistReassigned(Tenant, Network.Id, from, to, new DateOnly(2025, 9, 4)),
            NetworkIntegrationEvents.SpecialistReassigned(Network,
                new SpecialistAssignment { FromSpecialistId = from, ToSpecialistId = to, On = new DateOnly(2025, 9, 4) }));
        Assert.Equal(new NetworkPhaseAdvanced(Tenant, Network.Id, "quinoa", "PE-PUN", 3, 1, new DateOnly(2025, 9, 5)),
            NetworkIntegrationEvents.PhaseAdvanced(Network, new PhaseChange
            {
                FromPhase = Phase.StrategicBusinessPlan, ToPhase = Phase.PromotionAndSelection, On = new DateOnly(2025, 9, 5), Evidence = "Acta",
            }));
    }

    [Fact]
    public void Monitoring_recorded_carries_the_record_the_income_change_against_the_first_and_the_member_count()
    {
        var record = new MonitoringRecord
        {
            NetworkId = Network.Id, Period = new DateOnly(2025, 8, 1), SalesPen = 12_500.50m, AverageMemberNetIncomePen = 500m,
            VolumeUnit = "kg", ProductivityUnit = "kg/ha",
        };
        Assert.Equal(new MonitoringRecorded(Tenant, Network.Id, "quinoa", "PE-PUN", new DateOnly(2025, 8, 1), 12_500.50m, 500m, 25.00m, 9),
            MonitoringIntegrationEvents.Recorded(Network, record, [400m, 500m], 9));
    }

    [Fact]
    public void A_producer_event_carries_its_district_gender_birth_year_and_the_hash_of_its_dni()
    {
        var producer = new Producer
        {
            TenantId = Tenant, Dni = "12345678", FirstNames = "Rosa", LastNames = "Quispe", Gender = Gender.Female, BirthYear = 1980,
            DistrictCode = "080101", RegionCode = "PE-CUS",
        };
        var hasher = new DniHasher("v1", new byte[32]);
        Assert.Equal(new ImportedProducer(producer.Id, "PE-CUS", "080101", "Female", 1980, hasher.Hash("12345678")),
            ProducerIntegrationEvents.Imported(producer, hasher));
    }
}
