using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace RedesPlataforma.BuildingBlocks.Persistence;

/// <summary>A transaction a handler began, or its part of one already open; commit, or dispose to roll back.</summary>
public interface IHandlerTransaction : IAsyncDisposable
{
    Task CommitAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// Handlers that need several statements in one transaction begin it through here, never with a bare
/// <c>BeginTransactionAsync</c>: when the request already runs in a transaction (an Idempotency-Key request, whose
/// record must commit with the handler's writes) the handler gets a savepoint in it instead of an error. Committing
/// releases the savepoint, so the outer commit makes it durable; disposing without commit rolls back to the savepoint,
/// as a handler's own transaction would roll back.
/// </summary>
public static class TransactionJoin
{
    public static async Task<IHandlerTransaction> BeginOrJoinTransactionAsync(this DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        if (database.CurrentTransaction is not { } outer) return new Own(await database.BeginTransactionAsync(cancellationToken));
        var savepoint = $"handler_{Guid.NewGuid():N}";
        await outer.CreateSavepointAsync(savepoint, cancellationToken);
        return new Joined(outer, savepoint);
    }

    private sealed class Own(IDbContextTransaction transaction) : IHandlerTransaction
    {
        public Task CommitAsync(CancellationToken cancellationToken = default) => transaction.CommitAsync(cancellationToken);

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }

    private sealed class Joined(IDbContextTransaction outer, string savepoint) : IHandlerTransaction
    {
        private bool _done;

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            await outer.ReleaseSavepointAsync(savepoint, cancellationToken);
            _done = true;
        }

        public async ValueTask DisposeAsync()
        {
            if (_done) return;
            _done = true;
            await outer.RollbackToSavepointAsync(savepoint);
        }
    }
}
