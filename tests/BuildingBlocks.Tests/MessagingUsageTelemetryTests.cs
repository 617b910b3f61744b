using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RedesPlataforma.BuildingBlocks.Messaging;

namespace RedesPlataforma.BuildingBlocks.Tests;

/// <summary>MassTransit reports usage to its vendor unless told not to; no service of the platform may send data it was not asked to.</summary>
public sealed class MessagingUsageTelemetryTests
{
    [Fact]
    public void The_bus_of_every_service_reports_no_usage_telemetry()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddMessaging<TallyDb>("telemetry");
        using var services = builder.Services.BuildServiceProvider();

        Assert.False(services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }
}
