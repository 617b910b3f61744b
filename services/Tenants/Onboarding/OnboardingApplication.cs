using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Lifecycles;
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

    /// <summary>A pending application is decided once: approved or rejected, never both, never again.</summary>
    private static readonly Lifecycle<ApplicationStatus> Transitions = new(
        new Dictionary<ApplicationStatus, ApplicationStatus[]>
        {
            [ApplicationStatus.Pending] = [ApplicationStatus.Approved, ApplicationStatus.Rejected],
        },
        (status, _) => Refusal.Conflict(null, $"The application is already {status}. / La solicitud ya fue resuelta ({status})."));

    /// <summary>Null when approved, for the tenant <paramref name="tenantId"/>; otherwise why not.</summary>
    public Refusal? Approve(Guid tenantId, Guid decidedBy, DateTimeOffset at)
    {
        if (Transitions.Check(Status, ApplicationStatus.Approved) is { } refused) return refused;
        Status = ApplicationStatus.Approved;
        TenantId = tenantId;
        DecidedBy = decidedBy;
        DecidedAt = at;
        return null;
    }

    /// <summary>Null when rejected; otherwise why not.</summary>
    public Refusal? Reject(string reason, Guid decidedBy, DateTimeOffset at)
    {
        if (Transitions.Check(Status, ApplicationStatus.Rejected) is { } refused) return refused;
        Status = ApplicationStatus.Rejected;
        DecisionReason = reason;
        DecidedBy = decidedBy;
        DecidedAt = at;
        return null;
    }
}
