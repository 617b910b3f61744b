using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace RedesPlataforma.BuildingBlocks.MultiTenancy;

/// <summary>
/// Sets <c>app.tenant_id</c> on every connection EF opens, which the row-level security policies read.
/// It is always set, to empty when there is no tenant, so a pooled connection never keeps a previous tenant.
/// </summary>
public sealed class TenantConnectionInterceptor : DbConnectionInterceptor
{
    public const string Setting = "app.tenant_id";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = SetTenantCommand(connection, eventData);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = SetTenantCommand(connection, eventData);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand SetTenantCommand(DbConnection connection, ConnectionEndEventData eventData)
    {
        var tenantId = (eventData.Context as ITenantDbContext)?.CurrentTenantId;
        var command = connection.CreateCommand();
        command.CommandText = $"SELECT set_config('{Setting}', @tenant, false)";
        command.Parameters.Add(new NpgsqlParameter("tenant", tenantId?.ToString() ?? string.Empty));
        return command;
    }
}
