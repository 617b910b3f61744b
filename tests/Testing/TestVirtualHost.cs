namespace RedesPlataforma.Testing;

/// <summary>
/// A RabbitMQ virtual host of its own, so parallel test classes never consume each other's messages.
/// Created and deleted with rabbitmqctl on the local node.
/// </summary>
public sealed class TestVirtualHost : IAsyncDisposable
{
    private TestVirtualHost(string node, ushort port, string name) => (Node, Port, Name) = (node, port, name);

    public string Node { get; }
    public ushort Port { get; }
    public string Name { get; }

    public static Task<TestVirtualHost> CreateAsync() => CreateAsync(LocalInfrastructure.RabbitNode, LocalInfrastructure.RabbitPort);

    public static async Task<TestVirtualHost> CreateAsync(string node, ushort port)
    {
        var vhost = new TestVirtualHost(node, port, $"test-{Guid.NewGuid():N}");
        await RabbitCtl(node, "add_vhost", vhost.Name);
        await RabbitCtl(node, "set_permissions", "-p", vhost.Name, "guest", ".*", ".*", ".*");
        return vhost;
    }

    /// <summary>Configuration keys for a service's Messaging section pointing at this virtual host.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Messaging:Host", "127.0.0.1"),
        new("Messaging:Port", Port.ToString()),
        new("Messaging:VirtualHost", Name),
    ];

    public async ValueTask DisposeAsync() => await RabbitCtl(Node, "delete_vhost", Name);

    public static Task RabbitCtl(string node, params string[] arguments) => Commands.RunAsync("rabbitmqctl", ["-n", node, .. arguments]);
}
