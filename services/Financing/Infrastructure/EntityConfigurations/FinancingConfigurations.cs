using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RedesPlataforma.Financing.NationalReviews;
using RedesPlataforma.Financing.Networks;
using RedesPlataforma.Financing.Plans;
using RedesPlataforma.Financing.Programmes;

namespace RedesPlataforma.Financing.Infrastructure.EntityConfigurations;

sealed class FundableNetworkConfiguration : IEntityTypeConfiguration<FundableNetwork>
{
    public void Configure(EntityTypeBuilder<FundableNetwork> network)
    {
        network.ToTable("networks");
        network.Property(n => n.Id).ValueGeneratedNever();
        network.HasAlternateKey(n => new { n.TenantId, n.Id });
        network.Property(n => n.ValueChainCode).HasMaxLength(40);
        network.Property(n => n.RegionCode).HasMaxLength(6);
    }
}

sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> programme)
    {
        programme.ToTable("programmes");
        programme.Property(p => p.Name).HasMaxLength(200);
        programme.Property(p => p.Funder).HasMaxLength(200);
        programme.Property(p => p.TotalBudgetPen).HasPrecision(14, 2);
        programme.Property(p => p.MaxProgrammeFundsPerPlanPen).HasPrecision(14, 2);
        programme.Property(p => p.CommittedPen).HasPrecision(14, 2);
        programme.Property(p => p.DisbursedPen).HasPrecision(14, 2);
        programme.Property(p => p.MinNetworkContributionShare).HasPrecision(5, 4);
        programme.Ignore(p => p.RemainingPen);
        programme.Ignore(p => p.IsNational);
        programme.HasIndex(p => p.OwnerTenantId);
        programme.Ignore(p => p.IsClosed);
        programme.Ignore(p => p.BudgetRemains);
        programme.HasMany(p => p.TenantBudgets).WithOne().HasForeignKey(b => b.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        programme.ToTable(t => t.HasCheckConstraint("ck_programmes_budget", "committed_pen >= 0 AND committed_pen <= total_budget_pen AND disbursed_pen <= committed_pen"));
    }
}

sealed class BusinessPlanConfiguration : IEntityTypeConfiguration<BusinessPlan>
{
    public void Configure(EntityTypeBuilder<BusinessPlan> plan)
    {
        plan.ToTable("business_plans");
        plan.HasAlternateKey(p => new { p.TenantId, p.Id });
        plan.Property(p => p.Title).HasMaxLength(200);
        plan.Property(p => p.Objectives).HasMaxLength(4000);
        plan.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        foreach (var money in new[] { nameof(BusinessPlan.TotalPen), nameof(BusinessPlan.ProgrammeFundsPen), nameof(BusinessPlan.NetworkCashPen),
                     nameof(BusinessPlan.NetworkInKindPen), nameof(BusinessPlan.DisbursedPen) })
            plan.Property(money).HasPrecision(14, 2);
        plan.Property(p => p.Version).IsRowVersion();
        plan.Ignore(p => p.IsEditable);
        plan.HasIndex(p => new { p.TenantId, p.ProgrammeId });
        plan.HasOne<FundableNetwork>().WithMany()
            .HasForeignKey(p => new { p.TenantId, p.NetworkId }).HasPrincipalKey(n => new { n.TenantId, n.Id })
            .OnDelete(DeleteBehavior.Restrict);
        plan.HasOne<Programme>().WithMany().HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        plan.HasMany(p => p.Lines).WithOne()
            .HasForeignKey(l => new { l.TenantId, l.PlanId }).HasPrincipalKey(p => new { p.TenantId, p.Id });
        plan.HasMany(p => p.History).WithOne()
            .HasForeignKey(t => new { t.TenantId, t.PlanId }).HasPrincipalKey(p => new { p.TenantId, p.Id });
        plan.HasMany(p => p.Disbursements).WithOne()
            .HasForeignKey(d => new { d.TenantId, d.PlanId }).HasPrincipalKey(p => new { p.TenantId, p.Id });
        plan.HasMany(p => p.Contributions).WithOne()
            .HasForeignKey(c => new { c.TenantId, c.PlanId }).HasPrincipalKey(p => new { p.TenantId, p.Id });
        plan.ToTable(t => t.HasCheckConstraint("ck_business_plans_disbursed", "disbursed_pen >= 0 AND disbursed_pen <= programme_funds_pen"));
    }
}

sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> line)
    {
        line.ToTable("budget_lines");
        line.Property(l => l.Category).HasConversion<string>().HasMaxLength(30);
        line.Property(l => l.Description).HasMaxLength(500);
        line.Property(l => l.Quantity).HasPrecision(14, 2);
        foreach (var money in new[] { nameof(BudgetLine.UnitCostPen), nameof(BudgetLine.AmountPen), nameof(BudgetLine.ProgrammeFundsPen),
                     nameof(BudgetLine.NetworkCashPen), nameof(BudgetLine.NetworkInKindPen) })
            line.Property(money).HasPrecision(14, 2);
        line.ToTable(t => t.HasCheckConstraint("ck_budget_lines_split",
            "amount_pen = programme_funds_pen + network_cash_pen + network_in_kind_pen AND programme_funds_pen >= 0 AND network_cash_pen >= 0 AND network_in_kind_pen >= 0"));
    }
}

sealed class PlanTransitionConfiguration : IEntityTypeConfiguration<PlanTransition>
{
    public void Configure(EntityTypeBuilder<PlanTransition> transition)
    {
        transition.ToTable("plan_transitions");
        transition.Property(t => t.FromStatus).HasConversion<string>().HasMaxLength(20);
        transition.Property(t => t.ToStatus).HasConversion<string>().HasMaxLength(20);
        transition.Property(t => t.ActorName).HasMaxLength(200);
        transition.Property(t => t.Comment).HasMaxLength(2000);
    }
}

sealed class DisbursementConfiguration : IEntityTypeConfiguration<Disbursement>
{
    public void Configure(EntityTypeBuilder<Disbursement> disbursement)
    {
        disbursement.ToTable("disbursements");
        disbursement.Property(d => d.AmountPen).HasPrecision(14, 2);
        disbursement.Property(d => d.Reference).HasMaxLength(100);
    }
}

sealed class ContributionConfiguration : IEntityTypeConfiguration<Contribution>
{
    public void Configure(EntityTypeBuilder<Contribution> contribution)
    {
        contribution.ToTable("contributions");
        contribution.Property(c => c.CashPen).HasPrecision(14, 2);
        contribution.Property(c => c.InKindPen).HasPrecision(14, 2);
        contribution.Property(c => c.Description).HasMaxLength(500);
    }
}

sealed class ProgrammeTenantBudgetConfiguration : IEntityTypeConfiguration<ProgrammeTenantBudget>
{
    public void Configure(EntityTypeBuilder<ProgrammeTenantBudget> budget)
    {
        budget.ToTable("programme_tenant_budgets");
        budget.HasKey(b => new { b.ProgrammeId, b.TenantId });
        budget.HasIndex(b => b.TenantId);
        budget.Property(b => b.CommittedPen).HasPrecision(14, 2);
        budget.Property(b => b.DisbursedPen).HasPrecision(14, 2);
        budget.ToTable(t => t.HasCheckConstraint("ck_programme_tenant_budgets_amounts",
            "committed_pen >= 0 AND disbursed_pen >= 0 AND disbursed_pen <= committed_pen"));
    }
}

sealed class NationalReviewConfiguration : IEntityTypeConfiguration<NationalReview>
{
    public void Configure(EntityTypeBuilder<NationalReview> review)
    {
        review.ToTable("national_reviews");
        review.Property(r => r.ValueChainCode).HasMaxLength(40);
        review.Property(r => r.RegionCode).HasMaxLength(6);
        foreach (var money in new[] { nameof(NationalReview.ProgrammeFundsPen), nameof(NationalReview.NetworkCashPen),
                     nameof(NationalReview.NetworkInKindPen), nameof(NationalReview.TotalPen), nameof(NationalReview.DisbursedPen) })
            review.Property(money).HasPrecision(14, 2);
        review.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        review.Property(r => r.DecidedByName).HasMaxLength(200);
        review.Property(r => r.Comment).HasMaxLength(2000);
        review.Ignore(r => r.NetworkContributionPen);
        // The plan's key includes its tenant, so a review can only name a plan of the tenant that wrote it.
        review.HasOne<BusinessPlan>().WithMany()
            .HasForeignKey(r => new { r.TenantId, r.PlanId }).HasPrincipalKey(p => new { p.TenantId, p.Id })
            .OnDelete(DeleteBehavior.Restrict);
        review.HasOne<Programme>().WithMany().HasForeignKey(r => r.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        review.HasIndex(r => new { r.Status, r.SubmittedAt });
        review.HasIndex(r => new { r.ProgrammeId, r.Status });
        // One open review per plan: a plan is resubmitted only after a return closed the previous one.
        review.HasIndex(r => new { r.TenantId, r.PlanId }).IsUnique().HasFilter("status = 'Pending'");
        review.ToTable(t => t.HasCheckConstraint("ck_national_reviews_amounts",
            "total_pen = programme_funds_pen + network_cash_pen + network_in_kind_pen AND disbursed_pen >= 0 AND disbursed_pen <= programme_funds_pen"));
    }
}
