using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.Reporting.Cells;

namespace RedesPlataforma.Reporting.Tenants;

/// <summary>The directory of tenants, for the names in the national table by institution; it counts in no cell.</summary>
public sealed class Institution : ITenantOwned, ICellSource
{
    public Guid TenantId { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public bool IsActive { get; set; }
    public long? Sequence { get; set; }

    public IEnumerable<Cell> Cells() => [];
}

/// <summary>A staff member as far as the specialist figures need: active specialists, and whether they are trained.</summary>
public sealed class StaffMember : ITenantOwned, ICellSource
{
    public Guid Id { get; init; }
    public Guid TenantId { get; set; }
    public bool IsSpecialist { get; set; }
    public bool IsActive { get; set; }
    public bool IsTrained { get; set; }

    /// <summary>Roles and activity (StaffMemberJoined, Changed, Deactivated) and training (SpecialistTrained) are ordered apart.</summary>
    public long? ProfileSequence { get; set; }
    public long? TrainingSequence { get; set; }

    public IEnumerable<Cell> Cells()
    {
        if (IsSpecialist && IsActive)
            yield return new SpecialistCell { TenantId = TenantId, Specialists = 1, TrainedSpecialists = IsTrained ? 1 : 0 };
    }
}
