using System.Net;
using System.Net.Sockets;

namespace RedesPlataforma.Testing;

/// <summary>
/// Where the PostgreSQL and RabbitMQ that deploy/local/infra.sh started are. The defaults match the script;
/// the environment (see `infra.sh env`) overrides them.
/// </summary>
public static class LocalInfrastructure
{
    public static string PgHost => Env("REDES_PG_HOST", "127.0.0.1");
    public static int PgPort => int.Parse(Env("REDES_PG_PORT", "55432"));
    public static string OwnerPassword => Env("REDES_PG_OWNER_PASSWORD", "redes_owner");
    public static string AppPassword => Env("REDES_PG_APP_PASSWORD", "redes_app");

    /// <summary>The node every suite's virtual hosts live on.</summary>
    public static RabbitNode Rabbit => Node("REDES_RABBIT", "redes@localhost", 5672);

    /// <summary>The second node, the one tests may stop.</summary>
    public static RabbitNode ChaosRabbit => Node("REDES_RABBIT_CHAOS", "redes-chaos@localhost", 5673);

    /// <summary>The repository root, found from the test binaries' folder.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <param name="port">Another cluster's port (a test's <see cref="ThrowawayPostgres"/>) instead of the shared one.</param>
    public static string OwnerConnectionString(string database, int? port = null) =>
        $"Host={PgHost};Port={port ?? PgPort};Database={database};Username=redes_owner;Password={OwnerPassword};Include Error Detail=true";

    public static string AppConnectionString(string database, int? port = null) =>
        $"Host={PgHost};Port={port ?? PgPort};Database={database};Username=redes_app;Password={AppPassword};Include Error Detail=true";

    /// <summary>A loopback port nothing listens on right now, for a server a test starts.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static RabbitNode Node(string prefix, string name, ushort port)
    {
        var amqpPort = ushort.Parse(Env($"{prefix}_PORT", port.ToString()));
        return new(Env($"{prefix}_NODE", name), amqpPort, ushort.Parse(Env($"{prefix}_MANAGEMENT_PORT", (amqpPort + 10_000).ToString())));
    }

    private static string Env(string name, string fallback) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RedesPlataforma.sln"))) return dir.FullName;
        throw new InvalidOperationException("RedesPlataforma.sln not found above " + AppContext.BaseDirectory);
    }
}
