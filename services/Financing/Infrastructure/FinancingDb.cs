using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.Financing.Networks;
using RedesPlataforma.Financing.Plans;
using RedesPlataforma.Financing.Programmes;

namespace RedesPlataforma.Financing.Infrastructure;

public sealed class FinancingDb(DbContextOptions<FinancingDb> options, ICurrentTenant currentTenant) : DbContext(options), ITenantDbContext
{
    /// <summary>The name of the programmes' visibility filter: national ones, plus the current tenant's own.</summary>
    public const string VisibilityFilter = "Visibility";

    public Guid? CurrentTenantId { get; } = currentTenant.Id;

    public DbSet<FundableNetwork> Networks => Set<FundableNetwork>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<BusinessPlan> Plans => Set<BusinessPlan>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<PlanTransition> Transitions => Set<PlanTransition>();
    public DbSet<Disbursement> Disbursements => Set<Disbursement>();
    public DbSet<Contribution> Contributions => Set<Contribution>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.ApplyConfigurationsFromAssembly(typeof(FinancingDb).Assembly);
        // Reads the context member, so EF parameterises it per context; row-level security holds the same rule.
        builder.Entity<Programme>().HasQueryFilter(VisibilityFilter, p => p.OwnerTenantId == null || p.OwnerTenantId == CurrentTenantId);
        builder.AddOutboxAndInbox();
        builder.ApplyTenantConventions(this);
    }
}
