namespace RedesPlataforma.BuildingBlocks.Persistence;

/// <summary>Rows that record who created and last changed them, and when.</summary>
public interface IAudited
{
    DateTimeOffset CreatedAt { get; set; }
    Guid? CreatedBy { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
    Guid? UpdatedBy { get; set; }
}

/// <summary>The audit columns, declared once; <see cref="AuditStampInterceptor"/> fills them on every save.</summary>
public abstract class AuditedEntity : IAudited
{
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }
}
