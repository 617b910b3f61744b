using RedesPlataforma.BuildingBlocks.Http;

namespace RedesPlataforma.BuildingBlocks.Lifecycles;

/// <summary>
/// One lifecycle's transition table: from each state, the states it may move to. An entity asks it before changing
/// state, so a move the table does not hold is refused, with the problem the lifecycle gives for that move, whoever
/// asks. A state the table does not list is final: every move from it is refused.
/// </summary>
public sealed class Lifecycle<TState>(IReadOnlyDictionary<TState, TState[]> moves, Func<TState, TState, Refusal> refusal)
    where TState : struct, Enum
{
    public bool Allows(TState from, TState to) => moves.TryGetValue(from, out var targets) && targets.Contains(to);

    /// <summary>Null when the table allows the move; otherwise why not.</summary>
    public Refusal? Check(TState from, TState to) => Allows(from, to) ? null : refusal(from, to);
}
