using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Audit;
using RedesPlataforma.BuildingBlocks.Idempotency;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.BuildingBlocks.Security.Revocation;
using RedesPlataforma.Financing.NationalReviews;
using RedesPlataforma.Financing.Networks;
using RedesPlataforma.Financing.Plans;
using RedesPlataforma.Financing.Programmes;

namespace RedesPlataforma.Financing.Infrastructure;

public sealed class FinancingDb(DbContextOptions<FinancingDb> options, ICurrentTenant currentTenant) : DbContext(options), IPersonalDataReadContext
{
    /// <summary>The name of the programmes' visibility filter: national ones, plus the current tenant's own.</summary>
    public const string VisibilityFilter = "Visibility";

    /// <summary>The name of the national reviews' filter: only a context without a tenant (the national unit) reads them.</summary>
    public const string NationalFilter = "National";

    public Guid? CurrentTenantId { get; } = currentTenant.Id;

    public DbSet<FundableNetwork> Networks => Set<FundableNetwork>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<BusinessPlan> Plans => Set<BusinessPlan>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<PlanTransition> Transitions => Set<PlanTransition>();
    public DbSet<Disbursement> Disbursements => Set<Disbursement>();
    public DbSet<Contribution> Contributions => Set<Contribution>();
    public DbSet<NationalReview> Reviews => Set<NationalReview>();
    public DbSet<ProgrammeTenantBudget> TenantBudgets => Set<ProgrammeTenantBudget>();

    /// <summary>Financing holds no producer: every read of a producer's plan lines is recorded.</summary>
    public string? ProducerTable => null;
    public PersonalDataRead? UnrecordedRead { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.ApplyConfigurationsFromAssembly(typeof(FinancingDb).Assembly);
        // Read the context member, so EF parameterises it per context; row-level security holds the same rules.
        builder.Entity<Programme>().HasQueryFilter(VisibilityFilter, p => p.OwnerTenantId == null || p.OwnerTenantId == CurrentTenantId);
        builder.Entity<ProgrammeTenantBudget>().HasQueryFilter(VisibilityFilter, b => CurrentTenantId == null || b.TenantId == CurrentTenantId);
        builder.Entity<NationalReview>().HasQueryFilter(NationalFilter, r => CurrentTenantId == null);
        builder.AddOutboxAndInbox();
        builder.AddAccessRevocations();
        builder.AddIdempotencyRecords();
        builder.AddPersonalDataReads();
        builder.ApplyTenantConventions(this);
    }
}
