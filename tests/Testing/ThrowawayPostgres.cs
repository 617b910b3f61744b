namespace RedesPlataforma.Testing;

/// <summary>
/// A PostgreSQL cluster of a test's own (initdb in a temporary folder, a free loopback port, the redes_owner and
/// redes_app roles with the shared cluster's passwords), for tests that stop and restart the database: never the
/// shared one, which other tests use. Runs as the postgres user when the tests run as root (initdb refuses root), as
/// deploy/local/infra.sh does; deleted on dispose.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"redes-throwaway-pg-{Guid.NewGuid():N}");
    private string DataFolder => Path.Combine(_folder, "data");

    private ThrowawayPostgres(int port) => Port = port;

    public int Port { get; }

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var cluster = new ThrowawayPostgres(LocalInfrastructure.FreeLoopbackPort());
        Directory.CreateDirectory(cluster._folder);
        if (Environment.UserName == "root") await Commands.RunAsync("chown", "postgres:postgres", cluster._folder);
        await cluster.AsServerUser("initdb", "-D", cluster.DataFolder, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256", "--encoding=UTF8", "--locale=C");
        await File.AppendAllTextAsync(Path.Combine(cluster.DataFolder, "postgresql.conf"), $"""

            listen_addresses = '127.0.0.1'
            port = {cluster.Port}
            unix_socket_directories = '{cluster._folder}'
            fsync = off
            synchronous_commit = off
            """);
        await cluster.StartServerAsync();
        await cluster.AsServerUser("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", cluster._folder, "-p", cluster.Port.ToString(), "-U", "postgres", "-d", "postgres", "-c", $"""
            CREATE ROLE redes_owner LOGIN CREATEDB PASSWORD '{LocalInfrastructure.OwnerPassword}';
            CREATE ROLE redes_app LOGIN NOBYPASSRLS PASSWORD '{LocalInfrastructure.AppPassword}';
            """);
        return cluster;
    }

    /// <summary>Starts the stopped server again, with its data.</summary>
    public Task StartServerAsync() => AsServerUser("pg_ctl", "-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "start");

    /// <summary>Stops the server as an operator's restart does: sessions are ended (57P01), new connections refused.</summary>
    public Task StopServerAsync() => AsServerUser("pg_ctl", "-D", DataFolder, "-w", "-t", "60", "stop", "-m", "fast");

    public async ValueTask DisposeAsync()
    {
        try { await AsServerUser("pg_ctl", "-D", DataFolder, "-w", "stop", "-m", "immediate"); }
        catch (InvalidOperationException) { } // already stopped
        Directory.Delete(_folder, recursive: true);
    }

    private Task<string> AsServerUser(string tool, params string[] arguments)
    {
        var binary = Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin", tool)).Where(File.Exists).OrderDescending().First();
        return Environment.UserName == "root"
            ? Commands.RunAsync("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", binary, .. arguments])
            : Commands.RunAsync(binary, arguments);
    }
}
