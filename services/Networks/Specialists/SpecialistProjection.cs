using MassTransit;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.Contracts.Tenants;
using RedesPlataforma.Networks.Infrastructure;

namespace RedesPlataforma.Networks.Specialists;

/// <summary>
/// Keeps <see cref="Specialist"/> rows in step with the Tenants service. Runs as the message's tenant (header) inside
/// the inbox transaction, so a redelivery changes nothing; an event older than the last one applied is ignored,
/// so a late StaffMemberChanged cannot undo a deactivation.
/// </summary>
public sealed class SpecialistProjection(NetworksDb db) :
    IConsumer<StaffMemberJoined>, IConsumer<StaffMemberChanged>, IConsumer<StaffMemberDeactivated>, IConsumer<SpecialistTrained>
{
    public Task Consume(ConsumeContext<StaffMemberJoined> context) =>
        ApplyAsync(context.Message.StaffMemberId, context.Message.JoinedAt, specialist =>
        {
            specialist.FullName = context.Message.FullName;
            specialist.Roles = [.. context.Message.Roles];
            specialist.Regions = [.. context.Message.Regions];
        }, context.Message.FullName);

    public Task Consume(ConsumeContext<StaffMemberChanged> context) =>
        ApplyAsync(context.Message.StaffMemberId, context.Message.ChangedAt, specialist =>
        {
            specialist.FullName = context.Message.FullName;
            specialist.Roles = [.. context.Message.Roles];
            specialist.Regions = [.. context.Message.Regions];
            specialist.IsActive = context.Message.IsActive;
        }, context.Message.FullName);

    public Task Consume(ConsumeContext<StaffMemberDeactivated> context) =>
        ApplyAsync(context.Message.StaffMemberId, context.Message.DeactivatedAt, specialist => specialist.IsActive = false, null);

    public async Task Consume(ConsumeContext<SpecialistTrained> context)
    {
        var specialist = await FindOrCreateAsync(context.Message.StaffMemberId, null);
        // Training only ever adds: a passed module is never taken back.
        specialist.IsTrained |= context.Message.IsTrained;
        await db.SaveChangesAsync(context.CancellationToken);
    }

    private async Task ApplyAsync(Guid staffMemberId, DateTimeOffset occurredAt, Action<Specialist> apply, string? fullName)
    {
        var specialist = await FindOrCreateAsync(staffMemberId, fullName);
        if (occurredAt < specialist.LastEventAt) return;
        apply(specialist);
        specialist.LastEventAt = occurredAt;
        await db.SaveChangesAsync();
    }

    // Two events of a new staff member can be consumed at once: both insert-if-absent, then the row lock makes the
    // second wait for the first to commit, so neither fails on the primary key and neither overwrites the other.
    private async Task<Specialist> FindOrCreateAsync(Guid staffMemberId, string? fullName)
    {
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO specialists (id, tenant_id, full_name, roles, regions, is_active, is_trained, last_event_at)
            VALUES ({staffMemberId}, {db.CurrentTenantId}, {fullName ?? ""}, ARRAY[]::text[], ARRAY[]::text[], true, false, '-infinity')
            ON CONFLICT (id) DO NOTHING
            """);
        return await db.Specialists.FromSql($"SELECT * FROM specialists WHERE id = {staffMemberId} FOR UPDATE").SingleAsync();
    }
}

public static class SpecialistConsumers
{
    public static void AddSpecialistConsumers(this IBusRegistrationConfigurator bus) => bus.AddConsumer<SpecialistProjection>();
}
