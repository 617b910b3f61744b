using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.Financing.Plans;
using static RedesPlataforma.Financing.Tests.Plans;

namespace RedesPlataforma.Financing.Tests;

public sealed class PlanTransitionsTests
{
    /// <summary>The workflow as the business describes it, written out independently of the table it checks.</summary>
    static readonly HashSet<(PlanStatus From, PlanStatus To)> Allowed =
    [
        (PlanStatus.Draft, PlanStatus.Submitted),
        (PlanStatus.Returned, PlanStatus.Submitted),
        (PlanStatus.Submitted, PlanStatus.Approved),
        (PlanStatus.Submitted, PlanStatus.Rejected),
        (PlanStatus.Submitted, PlanStatus.Returned),
        (PlanStatus.Approved, PlanStatus.InExecution),
        (PlanStatus.InExecution, PlanStatus.Closed),
    ];

    /// <summary>The step that leads to <paramref name="to"/>, taken the way the endpoints take it.</summary>
    static Refusal? Take(BusinessPlan plan, PlanStatus to) => to switch
    {
        PlanStatus.Submitted => plan.Submit(Ana, At, "listo"),
        PlanStatus.Approved => plan.Approve(Open(), Ana, At, "ok"),
        PlanStatus.Rejected => plan.Reject(Ana, At, "Sin mercado"),
        PlanStatus.Returned => plan.Return(Ana, At, "Corregir"),
        PlanStatus.InExecution => plan.StartExecution(Ana, At, null),
        PlanStatus.Closed => plan.Close(Ana, At, null),
        _ => throw new ArgumentOutOfRangeException(nameof(to)),
    };

    public static TheoryData<PlanStatus, PlanStatus> EveryStatusAndStep()
    {
        var data = new TheoryData<PlanStatus, PlanStatus>();
        foreach (var status in Enum.GetValues<PlanStatus>())
            foreach (var to in Enum.GetValues<PlanStatus>().Where(to => to != PlanStatus.Draft)) data.Add(status, to);
        return data;
    }

    [Theory, MemberData(nameof(EveryStatusAndStep))]
    public void Each_step_moves_a_plan_only_from_the_statuses_the_workflow_allows_and_writes_it_into_the_history(PlanStatus from, PlanStatus to)
    {
        var plan = In(from);
        var history = plan.History.Count;

        var refusal = Take(plan, to);

        if (Allowed.Contains((from, to)))
        {
            Assert.Null(refusal);
            Assert.Equal(to, plan.Status);
            var entry = plan.History[^1];
            Assert.Equal((history + 1, from, to, Ana.Id, Ana.Name, At), (plan.History.Count, entry.FromStatus, entry.ToStatus, entry.ActorId, entry.ActorName, entry.At));
        }
        else
        {
            Assert.Equal(new Refusal(409, "status", $"A plan cannot go from {from} to {to}. / Un plan no puede pasar de {from} a {to}."), refusal);
            Assert.Equal((from, history), (plan.Status, plan.History.Count));
        }
    }

    [Fact]
    public void The_table_holds_exactly_the_workflows_moves()
    {
        var statuses = Enum.GetValues<PlanStatus>();
        var table = statuses.SelectMany(from => statuses.Where(to => BusinessPlan.Transitions.Allows(from, to)).Select(to => (from, to))).ToHashSet();
        Assert.True(Allowed.SetEquals(table));
    }

    [Fact]
    public void A_drafted_plan_starts_its_history_with_who_drafted_it()
    {
        var plan = Drafted();
        var entry = Assert.Single(plan.History);
        Assert.Equal((PlanStatus.Draft, (PlanStatus?)null, PlanStatus.Draft, plan.Id, Ana.Id, At),
            (plan.Status, entry.FromStatus, entry.ToStatus, entry.PlanId, entry.ActorId, entry.At));
    }

    [Theory]
    [InlineData(PlanStatus.Draft, true)]
    [InlineData(PlanStatus.Returned, true)]
    [InlineData(PlanStatus.Submitted, false)]
    [InlineData(PlanStatus.Approved, false)]
    [InlineData(PlanStatus.Rejected, false)]
    [InlineData(PlanStatus.InExecution, false)]
    [InlineData(PlanStatus.Closed, false)]
    public void Only_drafted_and_returned_plans_are_edited(PlanStatus status, bool editable) =>
        Assert.Equal(editable, In(status).IsEditable);

    [Fact]
    public void A_rejection_keeps_its_reason_in_the_history()
    {
        var plan = In(PlanStatus.Rejected);
        Assert.Equal("Sin mercado", plan.History[^1].Comment);
    }

    [Fact]
    public void Approving_a_plan_that_is_not_submitted_is_refused_before_the_programmes_rules_and_commits_nothing()
    {
        var programme = Open(budget: 1_000m);
        var plan = In(PlanStatus.Draft);
        Assert.Equal((409, "status"), Named(plan.Approve(programme, Ana, At, null)));
        Assert.Equal(0m, programme.CommittedPen);
    }

    [Fact]
    public void Approving_commits_the_plans_programme_funds_and_a_refused_approval_leaves_the_plan_submitted()
    {
        var programme = Open();
        var approved = In(PlanStatus.Submitted);
        Assert.Null(approved.Approve(programme, Ana, At, null));
        Assert.Equal((PlanStatus.Approved, 7_000m), (approved.Status, programme.CommittedPen));

        var tooPoor = In(PlanStatus.Submitted);
        Assert.Equal((409, "programmeFundsPen"), Named(tooPoor.Approve(Open(budget: 6_999.99m), Ana, At, null)));
        Assert.Equal((PlanStatus.Submitted, 2), (tooPoor.Status, tooPoor.History.Count));
    }

    [Fact]
    public void The_national_units_approval_moves_the_plan_on_its_reviews_decision_alone()
    {
        var plan = In(PlanStatus.Submitted);
        Assert.Null(plan.ApproveAsReviewed(Ana, At, "ok"));
        Assert.Equal(PlanStatus.Approved, plan.Status);
        Assert.Equal((409, "status"), Named(plan.ApproveAsReviewed(Ana, At, "again")));
    }

    static (int, string?)? Named(Refusal? refusal) => refusal is null ? null : (refusal.Status, refusal.Field);
}
