using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace RedesPlataforma.BuildingBlocks.Security.Revocation;

/// <summary>
/// Reads the service's <c>access_revocations</c> table into <see cref="RevocationList"/> at start (before requests are
/// served) and every <see cref="RevocationOptions.PollInterval"/> after, so every instance of the service learns a
/// revocation that any one of them consumed. Rows older than an access token's life refuse nothing and are deleted.
/// </summary>
public sealed class RevocationRefresher(
    NpgsqlDataSource dataSource, RevocationList list, RevocationOptions options, TimeProvider clock, ILogger<RevocationRefresher> logger)
    : BackgroundService
{
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(5);
    private DateTimeOffset _purgedAt = DateTimeOffset.MinValue;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await TryLoadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PollInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken)) await TryLoadAsync(stoppingToken);
    }

    private async Task TryLoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await LoadAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // The last list read stays in force; readiness reports an instance that never read one.
            logger.LogWarning(e, "Could not read the access revocations; keeping the {Count} known", list.Count);
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var horizon = now - options.AccessTokenLifetime - options.ClockSkew;
        if (now - _purgedAt > PurgeEvery)
        {
            await using var purge = dataSource.CreateCommand("DELETE FROM access_revocations WHERE not_before < @horizon");
            purge.Parameters.AddWithValue("horizon", horizon);
            await purge.ExecuteNonQueryAsync(cancellationToken);
            _purgedAt = now;
        }

        await using var command = dataSource.CreateCommand("SELECT user_id, not_before FROM access_revocations WHERE not_before >= @horizon");
        command.Parameters.AddWithValue("horizon", horizon);
        var revocations = new List<KeyValuePair<Guid, DateTimeOffset>>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                revocations.Add(KeyValuePair.Create(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1)));
        }
        list.Replace(revocations);
    }
}
