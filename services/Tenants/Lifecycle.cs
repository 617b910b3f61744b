using RedesPlataforma.BuildingBlocks.Http;

namespace RedesPlataforma.Tenants;

/// <summary>
/// One lifecycle's transition table: from each state, the states it may move to. An entity asks it before changing
/// state, so a move the table does not hold is refused, with the problem the current state gives, whoever asks.
/// </summary>
sealed class Lifecycle<TState>(IReadOnlyDictionary<TState, TState[]> moves, Func<TState, Refusal> refusal)
    where TState : struct, Enum
{
    /// <summary>Null when the table allows the move; otherwise why not.</summary>
    public Refusal? Check(TState from, TState to) =>
        moves.TryGetValue(from, out var targets) && targets.Contains(to) ? null : refusal(from);
}
