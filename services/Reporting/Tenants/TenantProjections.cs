using MassTransit;
using RedesPlataforma.BuildingBlocks.Messaging;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Contracts.Tenants;
using RedesPlataforma.Reporting.Cells;
using RedesPlataforma.Reporting.Projections;

namespace RedesPlataforma.Reporting.Tenants;

/// <summary>The institutions' directory, from the Tenants service's tenant events.</summary>
public sealed class InstitutionProjection(ReadModelWriter writer) : IConsumer<TenantActivated>, IConsumer<TenantSuspended>
{
    public Task Consume(ConsumeContext<TenantActivated> context) => ApplyAsync(context, context.Message.TenantId, institution =>
    {
        institution.Slug = context.Message.Slug;
        institution.Name = context.Message.Name;
        institution.Kind = context.Message.Kind;
        institution.IsActive = true;
    });

    public Task Consume(ConsumeContext<TenantSuspended> context) =>
        ApplyAsync(context, context.Message.TenantId, institution => institution.IsActive = false);

    private Task ApplyAsync(ConsumeContext context, Guid tenantId, Action<Institution> apply) =>
        writer.ApplyAsync(context, tenantId, tenantId, async change =>
        {
            var institution = await writer.FindOrAddAsync(change, [tenantId], () => new Institution { TenantId = tenantId }, context.CancellationToken);
            var sequence = context.OutboxSequence();
            if (!institution.Sequence.Admits(sequence)) return;
            apply(institution);
            institution.Sequence = institution.Sequence.Then(sequence);
        });
}

/// <summary>Specialists (active staff with the Specialist role) and their training, from the staff events.</summary>
public sealed class StaffProjection(ReadModelWriter writer) :
    IConsumer<StaffMemberJoined>, IConsumer<StaffMemberChanged>, IConsumer<StaffMemberDeactivated>, IConsumer<SpecialistTrained>
{
    public Task Consume(ConsumeContext<StaffMemberJoined> context) =>
        ProfileAsync(context, context.Message.TenantId, context.Message.StaffMemberId, staff =>
        {
            staff.IsSpecialist = context.Message.Roles.Contains(PlatformRoles.Specialist);
            staff.IsActive = true;
        });

    public Task Consume(ConsumeContext<StaffMemberChanged> context) =>
        ProfileAsync(context, context.Message.TenantId, context.Message.StaffMemberId, staff =>
        {
            staff.IsSpecialist = context.Message.Roles.Contains(PlatformRoles.Specialist);
            staff.IsActive = context.Message.IsActive;
        });

    public Task Consume(ConsumeContext<StaffMemberDeactivated> context) =>
        ProfileAsync(context, context.Message.TenantId, context.Message.StaffMemberId, staff => staff.IsActive = false);

    public Task Consume(ConsumeContext<SpecialistTrained> context)
    {
        var m = context.Message;
        return writer.ApplyAsync(context, m.TenantId, m.StaffMemberId, async change =>
        {
            var staff = await FindOrAddAsync(change, m.TenantId, m.StaffMemberId, context.CancellationToken);
            var sequence = context.OutboxSequence();
            if (!staff.TrainingSequence.Admits(sequence)) return;
            staff.IsTrained = m.IsTrained;
            staff.TrainingSequence = staff.TrainingSequence.Then(sequence);
        });
    }

    private Task ProfileAsync(ConsumeContext context, Guid tenantId, Guid staffMemberId, Action<StaffMember> apply) =>
        writer.ApplyAsync(context, tenantId, staffMemberId, async change =>
        {
            var staff = await FindOrAddAsync(change, tenantId, staffMemberId, context.CancellationToken);
            var sequence = context.OutboxSequence();
            if (!staff.ProfileSequence.Admits(sequence)) return;
            apply(staff);
            staff.ProfileSequence = staff.ProfileSequence.Then(sequence);
        });

    private Task<StaffMember> FindOrAddAsync(CellChange change, Guid tenantId, Guid id, CancellationToken ct) =>
        writer.FindOrAddAsync(change, [id], () => new StaffMember { Id = id, TenantId = tenantId }, ct);
}
