using RedesPlataforma.Tenants.Institutions;

namespace RedesPlataforma.Tenants.Onboarding;

public enum ApplicationStatus { Pending, Approved, Rejected }

/// <summary>An institution's request to join. The first admin's password is kept only as an Identity hash.</summary>
public sealed class OnboardingApplication
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string InstitutionName { get; init; }
    public InstitutionKind Kind { get; init; }
    public required string Ruc { get; init; }
    public List<string> Regions { get; init; } = [];
    public required string Slug { get; init; }
    public required string AdminFullName { get; init; }
    public required string AdminEmail { get; init; }
    public required string AdminPasswordHash { get; init; }
    public ApplicationStatus Status { get; private set; } = ApplicationStatus.Pending;
    public DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public string? DecisionReason { get; private set; }
    public Guid? TenantId { get; private set; }

    public void Approve(Guid tenantId, Guid decidedBy, DateTimeOffset at)
    {
        Status = ApplicationStatus.Approved;
        TenantId = tenantId;
        DecidedBy = decidedBy;
        DecidedAt = at;
    }

    public void Reject(string reason, Guid decidedBy, DateTimeOffset at)
    {
        Status = ApplicationStatus.Rejected;
        DecisionReason = reason;
        DecidedBy = decidedBy;
        DecidedAt = at;
    }
}
