using System.Net.Http.Headers;
using System.Text;

namespace RedesPlataforma.Testing;

/// <summary>
/// A RabbitMQ virtual host of its own, so parallel test classes never consume each other's messages. Created and
/// deleted through the node's HTTP API: a rabbitmqctl call boots an Erlang VM for about half a second of CPU, and a test
/// run creates a host for every service host it starts.
/// </summary>
public sealed class TestVirtualHost : IAsyncDisposable
{
    private const string User = "guest"; // accepted over loopback only (infra.sh), an administrator of the node

    private static readonly HttpClient Http = new()
    {
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes($"{User}:{User}"))) },
    };

    private TestVirtualHost(RabbitNode node, string name) => (Node, Name) = (node, name);

    public RabbitNode Node { get; }
    public string Name { get; }

    public static Task<TestVirtualHost> CreateAsync() => CreateAsync(LocalInfrastructure.Rabbit);

    public static async Task<TestVirtualHost> CreateAsync(RabbitNode node)
    {
        var vhost = new TestVirtualHost(node, $"test-{Guid.NewGuid():N}");
        await vhost.SendAsync(HttpMethod.Put, $"vhosts/{vhost.Name}");
        await vhost.SendAsync(HttpMethod.Put, $"permissions/{vhost.Name}/{User}", """{ "configure": ".*", "write": ".*", "read": ".*" }""");
        return vhost;
    }

    /// <summary>Configuration keys for a service's Messaging section pointing at this virtual host.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Messaging:Host", "127.0.0.1"),
        new("Messaging:Port", Node.AmqpPort.ToString()),
        new("Messaging:VirtualHost", Name),
    ];

    public async ValueTask DisposeAsync() => await SendAsync(HttpMethod.Delete, $"vhosts/{Name}");

    /// <summary>Stops or starts the node's broker application (rabbitmqctl stop_app, start_app, await_startup).</summary>
    public static Task RabbitCtl(RabbitNode node, params string[] arguments) => Commands.RunAsync("rabbitmqctl", ["-n", node.Name, .. arguments]);

    private async Task SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, $"http://127.0.0.1:{Node.ManagementPort}/api/{path}");
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"RabbitMQ {method} /api/{path} on {Node.Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
