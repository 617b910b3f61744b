using MassTransit;
using RedesPlataforma.BuildingBlocks.MultiTenancy;

namespace RedesPlataforma.BuildingBlocks.Messaging;

/// <summary>Writes the current tenant into every published message's headers.</summary>
public sealed class TenantPublishFilter<T>(ICurrentTenant currentTenant) : IFilter<PublishContext<T>> where T : class
{
    public Task Send(PublishContext<T> context, IPipe<PublishContext<T>> next)
    {
        if (currentTenant.Id is { } tenantId) context.Headers.Set(PlatformMessageHeaders.TenantId, tenantId.ToString());
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("tenantPublish");
}
