namespace RedesPlataforma.BuildingBlocks.Messaging;

public static class PlatformMessageHeaders
{
    /// <summary>The tenant a message speaks for; consumers run as this tenant.</summary>
    public const string TenantId = "TenantId";
}
