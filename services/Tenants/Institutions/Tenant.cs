using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Lifecycles;

namespace RedesPlataforma.Tenants.Institutions;

public enum InstitutionKind { Public, Private, Ngo, Cooperative, Financial }

public enum TenantStatus { Active, Suspended }

/// <summary>One change of a tenant's status, kept for the national unit's history of the institution.</summary>
public sealed class TenantStatusChange
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; init; }
    public TenantStatus Status { get; init; }
    public string? Reason { get; init; }
    public Guid? ChangedBy { get; init; }
    public string? ChangedByName { get; init; }
    public DateTimeOffset At { get; init; }
}

/// <summary>An institution using the platform. Its id is the tenant id every other row and service carries.</summary>
public sealed class Tenant
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Slug { get; init; }
    public required string Name { get; set; }
    public InstitutionKind Kind { get; set; }
    public required string Ruc { get; set; }
    public List<string> Regions { get; set; } = [];
    public TenantStatus Status { get; private set; } = TenantStatus.Active;
    public DateTimeOffset ActivatedAt { get; init; }
    public DateTimeOffset? SuspendedAt { get; private set; }
    public string? SuspensionReason { get; private set; }

    /// <summary>Set by the tenant's admin: every person of the institution signs in with a second factor (TOTP).</summary>
    public bool RequiresTwoFactor { get; set; }

    /// <summary>An active tenant can be suspended and a suspended one reactivated; nothing moves to where it already is.</summary>
    private static readonly Lifecycle<TenantStatus> Transitions = new(
        new Dictionary<TenantStatus, TenantStatus[]>
        {
            [TenantStatus.Active] = [TenantStatus.Suspended],
            [TenantStatus.Suspended] = [TenantStatus.Active],
        },
        (status, _) => Refusal.Conflict(null, $"The tenant is already {status}. / La institución ya está en ese estado."));

    /// <summary>Null when suspended; otherwise why not.</summary>
    public Refusal? Suspend(string reason, DateTimeOffset at)
    {
        if (Transitions.Check(Status, TenantStatus.Suspended) is { } refused) return refused;
        Status = TenantStatus.Suspended;
        SuspendedAt = at;
        SuspensionReason = reason;
        return null;
    }

    /// <summary>Null when reactivated; otherwise why not.</summary>
    public Refusal? Reactivate()
    {
        if (Transitions.Check(Status, TenantStatus.Active) is { } refused) return refused;
        Status = TenantStatus.Active;
        SuspendedAt = null;
        SuspensionReason = null;
        return null;
    }
}
