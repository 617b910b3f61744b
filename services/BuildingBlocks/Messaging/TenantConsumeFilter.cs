using MassTransit;
using RedesPlataforma.BuildingBlocks.MultiTenancy;

namespace RedesPlataforma.BuildingBlocks.Messaging;

/// <summary>Consumers have no HttpContext: they run as the tenant named in the message's header.</summary>
public sealed class TenantConsumeFilter<T>(ICurrentTenant currentTenant) : IFilter<ConsumeContext<T>> where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var tenant = Guid.TryParse(context.Headers.Get<string>(PlatformMessageHeaders.TenantId), out var id)
            ? TenantInfo.ForId(id)
            : null;
        using var _ = currentTenant.Change(tenant);
        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("tenantConsume");
}
