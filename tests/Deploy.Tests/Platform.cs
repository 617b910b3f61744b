namespace RedesPlataforma.Deploy.Tests;

/// <summary>Test data shared by the compose and Kubernetes tests: one case per deployable, by name.</summary>
public static class Platform
{
    /// <summary>Settings deploy/local/up.sh gives every backend (service_env); a deployment that drops one breaks that service.</summary>
    public static readonly IReadOnlyList<string> SharedBackendSettings =
    [
        "Database__MigrateOnStartup", "Identity__Authority",
        "Messaging__Host", "Messaging__Port", "Messaging__VirtualHost", "Messaging__Username", "Messaging__Password",
    ];

    /// <summary>Settings only the token server may carry: its issuer name, its keys, the first national-unit account and
    /// the portal client's redirect URIs.</summary>
    public static readonly IReadOnlyList<string> TokenServerOnlyPrefixes = ["Identity__Issuer", "Identity__KeysFolder", "Bootstrap__", "Identity__Portal__"];

    /// <summary>The runtime's switch for running socket completions on the I/O thread; the gateway's Kestrel follows it
    /// (docs/decisions/0036). Only the gateway may carry it: a service blocking an I/O thread would stall its connections.</summary>
    public const string InlineIoVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>Where the gateway's backend-for-frontend receives the portal's codes.</summary>
    public const string PortalCallbackPath = "/bff/callback";

    public static TheoryData<string> Backends() => [.. Repository.Backends.Select(b => b.Name)];

    /// <summary>The compose services besides the gateway: every backend (by its key), the database and the broker.</summary>
    public static TheoryData<string> BackendsAndInfrastructure() => [.. Repository.Backends.Select(b => b.Key).Append("postgres").Append("rabbitmq")];

    public static TheoryData<string> BackendsAndGateway() => [.. Repository.Backends.Append(Repository.Gateway).Select(d => d.Name)];

    public static TheoryData<string> BackendsOtherThanTheTokenServer() =>
        [.. Repository.Backends.Where(b => b.Name != Repository.TokenServer).Select(b => b.Name)];

    public static Deployable Deployable(string name) => name == Repository.Gateway.Name ? Repository.Gateway : Repository.Backend(name);

    public static bool IsTokenServerOnly(string setting) => TokenServerOnlyPrefixes.Any(prefix => setting.StartsWith(prefix, StringComparison.Ordinal));
}
