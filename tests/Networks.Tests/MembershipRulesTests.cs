using RedesPlataforma.BuildingBlocks.Http;
using RedesPlataforma.Networks.BusinessNetworks;
using RedesPlataforma.Networks.Producers;

namespace RedesPlataforma.Networks.Tests;

/// <summary>The member counts a membership change reports and the dates a member, leader or specialist change may have.</summary>
public sealed class MembershipRulesTests
{
    static readonly FixedClock Today = new(new DateTimeOffset(2025, 10, 1, 12, 0, 0, TimeSpan.FromHours(-5)));
    static readonly DateOnly Joined = new(2025, 5, 1);

    [Fact]
    public void A_woman_joining_counts_as_a_member_and_a_woman_and_a_man_leaving_as_a_member_only()
    {
        Assert.Equal(new MemberCounts(4, 3), new MemberCounts(3, 2).With(Gender.Female, +1));
        Assert.Equal(new MemberCounts(2, 2), new MemberCounts(3, 2).With(Gender.Male, -1));
    }

    [Fact]
    public void A_change_dated_in_the_future_or_before_its_start_is_refused_and_the_bounds_themselves_are_allowed()
    {
        Assert.Equal((422, "on"), Named(NetworkMembersApi.DateRefusal(new DateOnly(2025, 10, 2), Joined, Today)));
        Assert.Equal((422, "on"), Named(NetworkMembersApi.DateRefusal(Joined.AddDays(-1), Joined, Today)));
        Assert.Null(NetworkMembersApi.DateRefusal(new DateOnly(2025, 10, 1), Joined, Today));
        Assert.Null(NetworkMembersApi.DateRefusal(Joined, Joined, Today));
    }

    static (int, string?)? Named(Refusal? refusal) => refusal is null ? null : (refusal.Status, refusal.Field);
}
