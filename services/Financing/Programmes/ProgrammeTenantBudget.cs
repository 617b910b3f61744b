namespace RedesPlataforma.Financing.Programmes;

/// <summary>
/// How much of a national programme is committed to and disbursed on one tenant's plans. Written only by the national
/// unit, under the programme's row lock, when it approves a plan or pays a tranche; the tenant reads its own row, the
/// national unit every row (the table's row-level security). Tenant programmes need none: all their plans are the owner's.
/// </summary>
public sealed class ProgrammeTenantBudget
{
    public Guid ProgrammeId { get; init; }
    public Guid TenantId { get; init; }
    public decimal CommittedPen { get; set; }
    public decimal DisbursedPen { get; set; }
}
