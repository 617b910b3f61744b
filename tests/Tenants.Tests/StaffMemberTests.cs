using RedesPlataforma.Tenants.Staff;
using static RedesPlataforma.Tenants.Tests.Refusals;

namespace RedesPlataforma.Tenants.Tests;

public sealed class StaffMemberTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 10, 16, 30, 0, TimeSpan.Zero);
    private static readonly Guid Admin = Guid.CreateVersion7();

    private static StaffMember Active() => new() { Id = Guid.CreateVersion7(), FullName = "Luis Mamani", Email = "luis@agencia.pe" };

    [Fact]
    public void An_admin_deactivates_someone_else_and_when_is_kept()
    {
        var staff = Active();

        Assert.Null(staff.Deactivate(Admin, Now));

        Assert.Equal(StaffStatus.Deactivated, staff.Status);
        Assert.False(staff.IsActive);
        Assert.Equal(Now, staff.DeactivatedAt);
    }

    [Fact]
    public void Nobody_deactivates_themselves()
    {
        var staff = Active();

        AssertRefused(staff.Deactivate(staff.Id, Now), 422, "You cannot deactivate yourself. / No puede desactivarse a sí mismo.", "id");
        Assert.True(staff.IsActive);
    }

    [Fact]
    public void Deactivating_an_inactive_person_is_refused_and_keeps_the_first_date()
    {
        var staff = Active();
        staff.Deactivate(Admin, Now);

        AssertRefused(staff.Deactivate(Admin, Now.AddDays(1)), 409, "The staff member is already inactive. / La persona ya está inactiva.", "id");
        Assert.Equal(Now, staff.DeactivatedAt);
    }

    [Fact]
    public void A_deactivated_person_is_reactivated_and_the_date_cleared()
    {
        var staff = Active();
        staff.Deactivate(Admin, Now);

        Assert.Null(staff.Reactivate());

        Assert.Equal(StaffStatus.Active, staff.Status);
        Assert.Null(staff.DeactivatedAt);
    }

    [Fact]
    public void Reactivating_an_active_person_is_refused()
    {
        AssertRefused(Active().Reactivate(), 409, "The staff member is already active. / La persona ya está activa.", "id");
    }

    [Theory]
    [InlineData(false, true, true)]
    [InlineData(true, true, false)]
    [InlineData(false, false, false)]
    public void An_invitation_is_pending_only_until_accepted_and_while_the_person_is_active(bool accepted, bool active, bool pending)
    {
        var staff = Active();
        if (!active) staff.Deactivate(Admin, Now);

        var refusal = staff.CheckInvitationPending(accepted);

        if (pending) Assert.Null(refusal);
        else AssertRefused(refusal, 409, "No invitation is pending for this person. / No hay una invitación pendiente para esta persona.", "id");
    }
}
