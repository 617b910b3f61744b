using MassTransit;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.Contracts.Tenants;

namespace RedesPlataforma.BuildingBlocks.Security.Revocation;

/// <summary>
/// Records a revocation in the service's own table, in the inbox's transaction. One durable queue per service with
/// competing consumers: one instance writes it, and every instance's <see cref="RevocationRefresher"/> reads it.
/// </summary>
public sealed class UserAccessRevokedConsumer(MessagingDb messaging) : IConsumer<UserAccessRevoked>
{
    public Task Consume(ConsumeContext<UserAccessRevoked> context) =>
        messaging.Context.Database.ExecuteSqlAsync($"""
            INSERT INTO access_revocations (user_id, not_before) VALUES ({context.Message.UserId}, {context.Message.NotBefore})
            ON CONFLICT (user_id) DO UPDATE SET not_before = GREATEST(access_revocations.not_before, EXCLUDED.not_before)
            """, context.CancellationToken);
}
