using Npgsql;
using RedesPlataforma.BuildingBlocks.MultiTenancy;
using RedesPlataforma.Testing;

namespace RedesPlataforma.EndToEnd.Tests.Robustness;

/// <summary>
/// The number of rows in each table of a service's database, read as the owner with each given tenant set in turn
/// (forced row-level security shows the owner only one tenant's rows at a time) and with none (the tables without a
/// tenant). Tables that background work writes (the outbox's dispatcher, the inbox's consumers, read models learned
/// from other services' events) are left out: a request's answer cannot be judged by them.
/// </summary>
public sealed class RowCounts(string database, IReadOnlyList<Guid> tenants, IReadOnlyCollection<string> backgroundTables)
{
    private IReadOnlyList<string>? _tables;

    public async Task<IReadOnlyDictionary<string, long>> TakeAsync()
    {
        await using var connection = new NpgsqlConnection(LocalInfrastructure.OwnerConnectionString(database));
        await connection.OpenAsync();
        _tables ??= await TablesAsync(connection);
        var counts = _tables.ToDictionary(t => t, _ => 0L);
        var union = string.Join(" UNION ALL ", _tables.Select(t => $"SELECT '{t}', count(*) FROM \"{t}\""));
        foreach (var tenant in tenants.Select(t => t.ToString()).Prepend(""))
        {
            await using (var set = new NpgsqlCommand("SELECT set_config(@setting, @tenant, false)", connection))
            {
                set.Parameters.AddWithValue("setting", TenantConnectionInterceptor.Setting);
                set.Parameters.AddWithValue("tenant", tenant);
                await set.ExecuteScalarAsync();
            }
            await using var count = new NpgsqlCommand(union, connection);
            await using var reader = await count.ExecuteReaderAsync();
            while (await reader.ReadAsync()) counts[reader.GetString(0)] += reader.GetInt64(1);
        }
        return counts;
    }

    /// <summary>The tables whose count differs, as "table +n".</summary>
    public static IReadOnlyList<string> Changes(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        [.. after.Where(t => before[t.Key] != t.Value).Select(t => $"{t.Key} {t.Value - before[t.Key]:+#;-#}")];

    private async Task<IReadOnlyList<string>> TablesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return [.. tables.Where(t => !backgroundTables.Contains(t) && t != "__EFMigrationsHistory")];
    }
}
