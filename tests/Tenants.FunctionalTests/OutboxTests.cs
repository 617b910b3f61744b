using System.Net.Http.Json;
using Npgsql;
using RedesPlataforma.Contracts.Tenants;
using RedesPlataforma.Tenants.Staff;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Tenants.FunctionalTests;

/// <summary>The Tenants service on the second local broker node, the one tests may stop.</summary>
public sealed class ChaosTenantsApp : TenantsApp
{
    protected override Task<TestVirtualHost> CreateBrokerAsync() =>
        TestVirtualHost.CreateAsync(LocalInfrastructure.ChaosRabbit);

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Messaging:MaxRetryDelay", "00:00:02");
        builder.UseSetting("Messaging:PublishTimeout", "00:00:02");
    }
}

public sealed class OutboxTests(ChaosTenantsApp app) : IClassFixture<ChaosTenantsApp>
{
    [Fact]
    public async Task Staff_changes_commit_while_the_broker_is_down_and_each_event_arrives_once_after_it_returns()
    {
        await using var probe = await EventProbe.StartAsync(app.Broker, typeof(StaffMemberJoined), typeof(StaffMemberChanged));
        var tenant = await app.OnboardAsync();
        await probe.WaitUntilAsync(p => p.Of<StaffMemberJoined>().Any(m => m.Message.StaffMemberId == tenant.AdminId), TimeSpan.FromSeconds(30), "the admin's StaffMemberJoined");

        var created = new List<CreatedStaff>();
        await TestVirtualHost.RabbitCtl(app.Broker.Node, "stop_app");
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var staff = await tenant.CreateStaffAsync("Specialist");
                await (await tenant.Admin.PutAsJsonAsync($"/api/staff/{staff.Id}/selection-criteria", new SelectionCriteriaRequest(true, true, true, null))).ReadAsync<StaffDetails>();
                created.Add(staff);
            }
            Assert.True(await PendingOutboxRowsAsync() >= 6, "the events wait in the outbox while the broker is down");
            Assert.DoesNotContain(probe.Of<StaffMemberJoined>(), m => created.Any(c => c.Id == m.Message.StaffMemberId));
        }
        finally
        {
            await TestVirtualHost.RabbitCtl(app.Broker.Node, "start_app");
            await TestVirtualHost.RabbitCtl(app.Broker.Node, "await_startup");
        }

        var ids = created.Select(c => c.Id).ToHashSet();
        await probe.WaitUntilAsync(p => p.Of<StaffMemberJoined>().Count(m => ids.Contains(m.Message.StaffMemberId)) == 3
                                     && p.Of<StaffMemberChanged>().Count(m => ids.Contains(m.Message.StaffMemberId)) == 3,
            TimeSpan.FromSeconds(60), "the six staff events after the broker restart");

        foreach (var id in ids)
        {
            Assert.Single(probe.Of<StaffMemberJoined>(), m => m.Message.StaffMemberId == id);
            Assert.Single(probe.Of<StaffMemberChanged>(), m => m.Message.StaffMemberId == id && m.Message.MeetsSelectionCriteria);
        }
        Assert.All(probe.Received, r => Assert.Equal(tenant.TenantId.ToString(), r.TenantHeader));
        Assert.Equal(0, await PendingOutboxRowsAsync());

        // A redelivery of every message (same MessageId) changes nothing: the inbox has seen them.
        var before = probe.Received.Count;
        foreach (var received in probe.Received.ToList()) await probe.RepublishAsync(received);
        var marker = await tenant.CreateStaffAsync("Viewer");
        await probe.WaitUntilAsync(p => p.Of<StaffMemberJoined>().Any(m => m.Message.StaffMemberId == marker.Id), TimeSpan.FromSeconds(30), "a fresh event after the duplicates");
        Assert.Equal(before + 1, probe.Received.Count);
    }

    private async Task<long> PendingOutboxRowsAsync()
    {
        await using var connection = new NpgsqlConnection(app.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE dispatched_at IS NULL", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
