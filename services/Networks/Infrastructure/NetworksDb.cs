using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Audit;
using RedesPlataforma.BuildingBlocks.Idempotency;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Security.Revocation;
using RedesPlataforma.Networks.BusinessNetworks;
using RedesPlataforma.Networks.Evidence;
using RedesPlataforma.Networks.Monitoring;
using RedesPlataforma.Networks.Places;
using RedesPlataforma.Networks.Producers;
using RedesPlataforma.Networks.Producers.Erasure;
using RedesPlataforma.Networks.Specialists;
using RedesPlataforma.Networks.ValueChains;

namespace RedesPlataforma.Networks.Infrastructure;

public sealed class NetworksDb(DbContextOptions<NetworksDb> options, ICurrentTenant currentTenant) : DbContext(options), IPersonalDataReadContext
{
    public Guid? CurrentTenantId { get; } = currentTenant.Id;

    public DbSet<District> Districts => Set<District>();
    public DbSet<ValueChain> ValueChains => Set<ValueChain>();
    public DbSet<TenantValueChain> TenantValueChains => Set<TenantValueChain>();
    public DbSet<Specialist> Specialists => Set<Specialist>();
    public DbSet<Producer> Producers => Set<Producer>();
    public DbSet<ProducerIncome> ProducerIncomes => Set<ProducerIncome>();
    public DbSet<ErasureRecord> ErasureRecords => Set<ErasureRecord>();
    public DbSet<BusinessNetwork> Networks => Set<BusinessNetwork>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<PhaseChange> PhaseChanges => Set<PhaseChange>();
    public DbSet<LeaderChange> LeaderChanges => Set<LeaderChange>();
    public DbSet<SpecialistAssignment> SpecialistAssignments => Set<SpecialistAssignment>();
    public DbSet<MonitoringRecord> MonitoringRecords => Set<MonitoringRecord>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<EvidenceContent> EvidenceContents => Set<EvidenceContent>();

    public string? ProducerTable => "producers";
    public PersonalDataRead? UnrecordedRead { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.ApplyConfigurationsFromAssembly(typeof(NetworksDb).Assembly);
        builder.AddOutboxAndInbox();
        builder.AddAccessRevocations();
        builder.AddIdempotencyRecords();
        builder.AddPersonalDataReads();
        builder.ApplyTenantConventions(this);
    }
}
