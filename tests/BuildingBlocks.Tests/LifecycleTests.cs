using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.BuildingBlocks.Lifecycles;

namespace RedesPlataforma.BuildingBlocks.Tests;

public sealed class LifecycleTests
{
    public enum Door { Open, Closed, Locked, Bricked }

    /// <summary>Open and Closed swap; only a closed door is locked, and a locked one only unlocked; Bricked is listed nowhere.</summary>
    static readonly Lifecycle<Door> Doors = new(
        new Dictionary<Door, Door[]>
        {
            [Door.Open] = [Door.Closed],
            [Door.Closed] = [Door.Open, Door.Locked],
            [Door.Locked] = [Door.Closed],
        },
        (from, to) => Refusal.Conflict("door", $"A door cannot go from {from} to {to}. / Una puerta no puede pasar de {from} a {to}."));

    /// <summary>The problem the table above gives, written out field by field: status, field at fault, bilingual text.</summary>
    static Refusal Conflict(Door from, Door to) =>
        new(409, "door", $"A door cannot go from {from} to {to}. / Una puerta no puede pasar de {from} a {to}.");

    /// <summary>The moves of the table above, written out again so the test does not read them from it.</summary>
    static readonly HashSet<(Door From, Door To)> Held = [(Door.Open, Door.Closed), (Door.Closed, Door.Open), (Door.Closed, Door.Locked), (Door.Locked, Door.Closed)];

    public static TheoryData<Door, Door> EveryMove()
    {
        var data = new TheoryData<Door, Door>();
        foreach (var from in Enum.GetValues<Door>())
            foreach (var to in Enum.GetValues<Door>()) data.Add(from, to);
        return data;
    }

    [Theory, MemberData(nameof(EveryMove))]
    public void A_move_is_allowed_exactly_when_the_table_holds_it_and_otherwise_refused_with_the_lifecycles_problem(Door from, Door to)
    {
        var held = Held.Contains((from, to));
        Assert.Equal(held, Doors.Allows(from, to));
        Assert.Equal(held ? null : Conflict(from, to), Doors.Check(from, to));
    }

    [Fact]
    public void A_state_the_table_does_not_list_is_final_even_one_the_enum_does_not_name()
    {
        foreach (var from in new[] { Door.Bricked, (Door)42 })
            foreach (var to in Enum.GetValues<Door>())
                Assert.Equal(Conflict(from, to), Doors.Check(from, to));
    }

    [Fact]
    public void The_refusal_is_built_from_the_state_the_move_starts_from_and_the_one_it_asked_for()
    {
        var asked = new List<(Door, Door)>();
        var lifecycle = new Lifecycle<Door>(new Dictionary<Door, Door[]>(), (from, to) =>
        {
            asked.Add((from, to));
            return Refusal.Unprocessable("state", "no");
        });

        Assert.Equal(Refusal.Unprocessable("state", "no"), lifecycle.Check(Door.Locked, Door.Open));
        Assert.Equal([(Door.Locked, Door.Open)], asked);
    }
}
