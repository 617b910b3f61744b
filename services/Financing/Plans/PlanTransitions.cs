using RedesPlataforma.BuildingBlocks.Http;

namespace RedesPlataforma.Financing.Plans;

/// <summary>The steps a plan's workflow takes, each named for what the caller does.</summary>
public enum PlanStep { Submit, Approve, Reject, Return, StartExecution, Close }

/// <summary>
/// The plan's workflow in one table: the statuses each step may be taken from and the status it leads to. A plan is
/// drafted as Draft; a returned plan is changed and submitted again; Rejected and Closed are final.
/// </summary>
public static class PlanTransitions
{
    public static readonly IReadOnlyDictionary<PlanStep, (PlanStatus[] From, PlanStatus To)> Table = new Dictionary<PlanStep, (PlanStatus[], PlanStatus)>
    {
        [PlanStep.Submit] = ([PlanStatus.Draft, PlanStatus.Returned], PlanStatus.Submitted),
        [PlanStep.Approve] = ([PlanStatus.Submitted], PlanStatus.Approved),
        [PlanStep.Reject] = ([PlanStatus.Submitted], PlanStatus.Rejected),
        [PlanStep.Return] = ([PlanStatus.Submitted], PlanStatus.Returned),
        [PlanStep.StartExecution] = ([PlanStatus.Approved], PlanStatus.InExecution),
        [PlanStep.Close] = ([PlanStatus.InExecution], PlanStatus.Closed),
    };

    public static bool Allows(PlanStatus from, PlanStep step) => Table[step].From.Contains(from);

    /// <summary>Null when the step may be taken from <paramref name="from"/>; otherwise the 409 naming both statuses.</summary>
    public static Refusal? Refuse(PlanStatus from, PlanStep step) => Allows(from, step) ? null : Refusal.Conflict("status",
        $"A plan cannot go from {from} to {Table[step].To}. / Un plan no puede pasar de {from} a {Table[step].To}.");
}
