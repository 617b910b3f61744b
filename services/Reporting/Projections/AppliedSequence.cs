namespace RedesPlataforma.Reporting.Projections;

/// <summary>
/// Ordering of an entity's updates by the publisher's outbox sequence (see docs/decisions/0007): each entity, or each
/// group of fields an event carries on its own, remembers the sequence of the message that last set it, and a message
/// with a lower or equal sequence is stale and changes nothing. A message without a sequence (not published by an
/// outbox, e.g. a test or an operator's replay) is applied in arrival order and leaves the remembered sequence as it was.
/// </summary>
public static class AppliedSequence
{
    /// <summary>Whether a message carrying <paramref name="incoming"/> may overwrite what <paramref name="applied"/> set.</summary>
    public static bool Admits(this long? applied, long? incoming) => incoming is null || applied is null || incoming > applied;

    /// <summary>The sequence to remember once the message is applied.</summary>
    public static long? Then(this long? applied, long? incoming) => incoming ?? applied;
}
