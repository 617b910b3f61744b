using RedesPlataforma.BuildingBlocks.Http;

namespace RedesPlataforma.Networks.BusinessNetworks;

/// <summary>A requested phase change, as the rules see it.</summary>
public sealed record PhaseMove(Phase From, Phase To, DateOnly On, string? Reason);

/// <summary>
/// The methodology's phase rules: forward one step at a time, back to any earlier phase only with a reason,
/// consolidation only for a network formalised with a RUC, and dates neither in the future nor before the
/// network's previous change (or its formation).
/// </summary>
public static class PhaseRules
{
    /// <summary>Null when the move is allowed; otherwise why not.</summary>
    public static Refusal? Check(PhaseMove move, bool hasRuc, DateOnly notBefore, DateOnly today)
    {
        if (!Enum.IsDefined(move.To))
            return Refusal.Unprocessable("toPhase", "Unknown phase; use 0 to 4. / Fase desconocida; use 0 a 4.");
        if (move.To == move.From)
            return Refusal.Conflict("toPhase", $"The network is already in phase {(int)move.From} ({move.From}). / La red ya está en la fase {(int)move.From}.");
        if (move.To > move.From + 1)
            return Refusal.Conflict("toPhase",
                $"Phases advance one step at a time: from {(int)move.From} the next is {(int)move.From + 1}, not {(int)move.To}. / " +
                $"Las fases avanzan de una en una: desde la fase {(int)move.From} la siguiente es la {(int)move.From + 1}, no la {(int)move.To}.");
        if (move.To < move.From && string.IsNullOrWhiteSpace(move.Reason))
            return Refusal.Unprocessable("reason", "Going back to an earlier phase needs a reason. / Volver a una fase anterior requiere un motivo.");
        if (move.To == Phase.Consolidation && !hasRuc)
            return Refusal.Conflict("ruc",
                "Consolidation requires the network to be formalised with a RUC; record the RUC first. / " +
                "La consolidación requiere que la red esté formalizada con RUC; registre primero el RUC.");
        if (move.On > today)
            return Refusal.Unprocessable("on", "The date of a phase change cannot be in the future. / La fecha del cambio de fase no puede ser futura.");
        if (move.On < notBefore)
            return Refusal.Unprocessable("on",
                $"The date cannot be before the network's previous change or formation ({notBefore:yyyy-MM-dd}). / " +
                $"La fecha no puede ser anterior al cambio previo o a la conformación de la red ({notBefore:yyyy-MM-dd}).");
        return null;
    }
}
