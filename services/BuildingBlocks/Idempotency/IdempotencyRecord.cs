namespace RedesPlataforma.BuildingBlocks.Idempotency;

/// <summary>
/// A write request that carried an <c>Idempotency-Key</c>, kept with the response it got, so a repeat of it gets the same
/// answer without running again. Kept per tenant (null for the national unit) and user: two users never share a key.
/// </summary>
public sealed class IdempotencyRecord
{
    public long Id { get; set; }
    public Guid? TenantId { get; set; }
    public Guid UserId { get; set; }
    public string Key { get; set; } = "";

    /// <summary>SHA-256 of the method, path with query and body: the same key on another request is refused, not replayed.</summary>
    public byte[] RequestHash { get; set; } = [];

    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? ETag { get; set; }
    public byte[] Body { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when written (created + retention), so the purge needs no configuration of its own in the database.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}
