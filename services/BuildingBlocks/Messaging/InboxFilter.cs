using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RedesPlataforma.BuildingBlocks.Messaging;

/// <summary>The service's DbContext, as the inbox sees it.</summary>
public sealed record MessagingDb(DbContext Context);

/// <summary>
/// Makes consumers idempotent: the (consumer, message id) row and the consumer's own changes commit in one
/// transaction, so a redelivered message finds its row and is acknowledged without running again.
/// </summary>
public sealed class InboxFilter<T>(IServiceProvider services, ILogger<InboxFilter<T>> logger) : IFilter<ConsumeContext<T>> where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        // Resolved here, not in the constructor, so the DbContext is created inside the message's tenant.
        var db = services.GetRequiredService<MessagingDb>().Context;
        var consumer = $"{context.ReceiveContext.InputAddress.AbsolutePath.Trim('/')}:{typeof(T).Name}";
        var messageId = context.MessageId ?? throw new InvalidOperationException($"{typeof(T).Name} arrived without a MessageId.");

        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var claimed = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO inbox_messages (consumer, message_id, processed_at) VALUES ({consumer}, {messageId}, now()) ON CONFLICT DO NOTHING",
            context.CancellationToken);
        if (claimed == 0)
        {
            logger.LogInformation("Skipping {MessageType} {MessageId}: {Consumer} already handled it", typeof(T).Name, messageId, consumer);
            return;
        }

        try
        {
            await next.Send(context);
            await transaction.CommitAsync(context.CancellationToken);
        }
        finally
        {
            // The bus-level retry already gives each attempt a new scope and DbContext (see MessagingExtensions); this is
            // the backstop should a scope ever be created ahead of the retry, when an attempt would inherit this context.
            db.ChangeTracker.Clear();
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("inbox");
}
