namespace RedesPlataforma.BuildingBlocks.Persistence;

/// <summary>Rows that record who created and last changed them, and when.</summary>
public interface IAudited
{
    DateTimeOffset CreatedAt { get; set; }
    Guid? CreatedBy { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
    Guid? UpdatedBy { get; set; }
}
