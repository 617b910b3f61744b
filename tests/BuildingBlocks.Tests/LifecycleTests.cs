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

    [Theory]
    [InlineData(Door.Open, Door.Closed)]
    [InlineData(Door.Closed, Door.Open)]
    [InlineData(Door.Closed, Door.Locked)]
    [InlineData(Door.Locked, Door.Closed)]
    public void A_move_the_table_holds_is_allowed(Door from, Door to)
    {
        Assert.True(Doors.Allows(from, to));
        Assert.Null(Doors.Check(from, to));
    }

    [Theory]
    [InlineData(Door.Open, Door.Locked)]
    [InlineData(Door.Locked, Door.Open)]
    [InlineData(Door.Open, Door.Open)]
    [InlineData(Door.Closed, Door.Bricked)]
    public void A_move_the_table_does_not_hold_is_refused_with_the_lifecycles_problem_for_that_move(Door from, Door to)
    {
        Assert.False(Doors.Allows(from, to));
        Assert.Equal(Conflict(from, to), Doors.Check(from, to));
    }

    [Theory]
    [InlineData(Door.Bricked, Door.Open)]
    [InlineData((Door)42, Door.Closed)]
    public void A_state_the_table_does_not_list_is_final_and_every_move_from_it_is_refused(Door from, Door to)
    {
        Assert.False(Doors.Allows(from, to));
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
