using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Audit;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Security.Revocation;
using RedesPlataforma.Reporting.Cells;
using RedesPlataforma.Reporting.Financing;
using RedesPlataforma.Reporting.Infrastructure.EntityConfigurations;
using RedesPlataforma.Reporting.Networks;
using RedesPlataforma.Reporting.Producers;
using RedesPlataforma.Reporting.Tenants;

namespace RedesPlataforma.Reporting.Infrastructure;

/// <summary>
/// The read models: one row per source entity with its latest reportable state, and the cells aggregated from them.
/// Everything is tenant-owned except programmes (national ones belong to no tenant); consumers and tenant dashboards
/// run as one tenant. National figures read the breakdown cells through <see cref="NationalCells"/>, never through this context.
/// </summary>
public sealed class ReportingDb(DbContextOptions<ReportingDb> options, ICurrentTenant currentTenant) : DbContext(options), IPersonalDataReadContext
{
    /// <summary>The name of the programmes' filter: national ones, plus the current tenant's own.</summary>
    public const string VisibilityFilter = "Visibility";

    public Guid? CurrentTenantId { get; } = currentTenant.Id;

    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<Producer> Producers => Set<Producer>();
    public DbSet<Network> Networks => Set<Network>();
    public DbSet<MonitoringRecord> MonitoringRecords => Set<MonitoringRecord>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<BusinessPlan> Plans => Set<BusinessPlan>();
    public DbSet<Disbursement> Disbursements => Set<Disbursement>();
    public DbSet<Contribution> Contributions => Set<Contribution>();

    public DbSet<SpecialistCell> SpecialistCells => Set<SpecialistCell>();
    public DbSet<ProducerCell> ProducerCells => Set<ProducerCell>();
    public DbSet<ProducerMonthCell> ProducerMonthCells => Set<ProducerMonthCell>();
    public DbSet<NetworkCell> NetworkCells => Set<NetworkCell>();
    public DbSet<FinancingCell> FinancingCells => Set<FinancingCell>();
    public DbSet<FinancingMonthCell> FinancingMonthCells => Set<FinancingMonthCell>();
    public DbSet<MonitoringCell> MonitoringCells => Set<MonitoringCell>();
    public DbSet<MonitoringMonthCell> MonitoringMonthCells => Set<MonitoringMonthCell>();
    public DbSet<BreakdownCell> BreakdownCells => Set<BreakdownCell>();
    public DbSet<PersonCell> PersonCells => Set<PersonCell>();

    public string? ProducerTable => "producers";
    public PersonalDataRead? UnrecordedRead { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.ApplyConfigurationsFromAssembly(typeof(ReportingDb).Assembly);
        BreakdownCellConfiguration.MapMeasuresOf(builder);
        // Reads the context member, so EF parameterises it per context; row-level security holds the same rule.
        builder.Entity<Programme>().HasQueryFilter(VisibilityFilter, p => p.OwnerTenantId == null || p.OwnerTenantId == CurrentTenantId);
        builder.AddOutboxAndInbox();
        builder.AddAccessRevocations();
        builder.AddPersonalDataReads();
        builder.ApplyTenantConventions(this);
    }
}
