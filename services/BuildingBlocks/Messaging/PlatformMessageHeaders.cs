namespace RedesPlataforma.BuildingBlocks.Messaging;

public static class PlatformMessageHeaders
{
    /// <summary>The tenant a message speaks for; consumers run as this tenant.</summary>
    public const string TenantId = "TenantId";

    /// <summary>
    /// The publishing service's outbox sequence of the message. It grows with every row a service's outbox writes, and an
    /// aggregate's rows are written in the order its changes commit, so a consumer can tell a late, older message about
    /// an entity from a newer one. Comparable only between messages of the same publishing service.
    /// </summary>
    public const string OutboxSequence = "OutboxSequence";
}
