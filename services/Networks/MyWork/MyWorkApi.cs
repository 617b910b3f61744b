using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.BuildingBlocks.Security;
using RedesPlataforma.Networks.Access;
using RedesPlataforma.Networks.BusinessNetworks;
using RedesPlataforma.Networks.Infrastructure;
using RedesPlataforma.Networks.Producers;

namespace RedesPlataforma.Networks.MyWork;

/// <summary>
/// <c>GET api/networks/my-work</c>. A specialist sees the networks assigned to them and their producers (those they
/// registered and the current members of their networks); a supervisor or tenant admin sees the team's, which is the
/// whole tenant: this service's staff copy does not know org units, and supervisors already edit every network of the
/// tenant (docs/decisions/0013). Seven queries whatever the number of networks.
/// </summary>
public static class MyWorkApi
{
    public const int RecentCount = 20;

    public static RouteHandlerBuilder MapMyWorkApi(this IEndpointRouteBuilder app) =>
        app.MapGet("api/networks/my-work", GetMyWork).WithTags("Business networks").RequireAuthorization(Policies.Specialist)
            .WithName("GetMyWork")
            .WithDescription("The signed-in specialist's networks and what is due on them.");

    static async Task<Ok<MyWork>> GetMyWork(ClaimsPrincipal user, NetworksDb db, TimeProvider clock, CancellationToken ct)
    {
        var me = user.UserId();
        var teamWide = user.ActsOnWholeTenant();
        var thisMonth = clock.PeruToday().FirstOfMonth();
        var lastMonth = thisMonth.AddMonths(-1);

        var networks = db.Networks.AsNoTracking().Where(n => teamWide || n.SpecialistId == me);
        var producers = db.Producers.AsNoTracking().Where(p => p.IsActive && (teamWide || p.RegisteredBy == me
            || db.Memberships.Any(m => m.ProducerId == p.Id && m.LeftOn == null && networks.Any(n => n.Id == m.NetworkId))));

        var rows = await networks.OrderBy(n => n.Name).ThenBy(n => n.Id).Select(n => new
        {
            n.Id, n.Name, n.ValueChainCode, n.RegionCode, n.Phase, n.FormedOn,
            SpecialistName = db.Specialists.Where(s => s.Id == n.SpecialistId).Select(s => s.FullName).FirstOrDefault(),
            MemberCount = n.Memberships.Count(m => m.LeftOn == null),
            WithoutConsentDate = n.Memberships.Count(m => m.LeftOn == null && db.Producers.Any(p => p.Id == m.ProducerId && p.ConsentDate == null)),
            RecordedLastMonth = db.MonitoringRecords.Any(r => r.NetworkId == n.Id && r.Period == lastMonth),
        }).ToListAsync(ct);
        // Monitoring applies in every phase (the model refuses none); a network formed this month owes nothing for last month.
        var myNetworks = rows.Select(n => new MyWorkNetwork(n.Id, n.Name, n.ValueChainCode, n.RegionCode, n.Phase, n.SpecialistName, n.MemberCount,
            n.FormedOn < thisMonth && !n.RecordedLastMonth ? lastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture) : null,
            n.WithoutConsentDate)).ToList();

        var counts = await producers.GroupBy(_ => 1).Select(all => new MyWorkProducers(all.Count(), all.Count(p => p.ConsentDate == null)))
            .FirstOrDefaultAsync(ct) ?? new MyWorkProducers(0, 0);
        return TypedResults.Ok(new MyWork(myNetworks, counts, await RecentAsync(db, networks, producers, ct)));
    }

    /// <summary>
    /// The newest <see cref="RecentCount"/> events from the history the service keeps, each kind's newest taken in one
    /// query. A member counts from when they were added (older rows know only the day they joined: its start in Peru);
    /// the founders' memberships are the formation itself and are not repeated.
    /// </summary>
    static async Task<List<MyWorkActivity>> RecentAsync(NetworksDb db, IQueryable<BusinessNetwork> networks, IQueryable<Producer> producers, CancellationToken ct)
    {
        var registered = await producers.OrderByDescending(p => p.CreatedAt).Take(RecentCount)
            .Select(p => new MyWorkActivity(p.CreatedAt, MyWorkActivityKind.ProducerRegistered, null, null, p.Id, p.FirstNames + " " + p.LastNames))
            .ToListAsync(ct);
        var formed = await networks.OrderByDescending(n => n.CreatedAt).Take(RecentCount)
            .Select(n => new MyWorkActivity(n.CreatedAt, MyWorkActivityKind.NetworkFormed, n.Id, n.Name, null, null))
            .ToListAsync(ct);
        var joined = await db.Memberships.AsNoTracking()
            .Join(networks, m => m.NetworkId, n => n.Id, (m, n) => new { m, n })
            .Where(x => x.m.AddedAt != null || x.m.JoinedOn != x.n.FormedOn)
            .Join(db.Producers, x => x.m.ProducerId, p => p.Id, (x, p) => new { x.m, x.n, p })
            // Rows with AddedAt are all newer than those without (the column came later).
            .OrderByDescending(x => x.m.AddedAt != null).ThenByDescending(x => x.m.AddedAt).ThenByDescending(x => x.m.JoinedOn).Take(RecentCount)
            .Select(x => new { x.m.AddedAt, x.m.JoinedOn, NetworkId = x.n.Id, NetworkName = x.n.Name, ProducerId = x.p.Id, ProducerName = x.p.FirstNames + " " + x.p.LastNames })
            .ToListAsync(ct);
        var phases = await db.PhaseChanges.AsNoTracking()
            .Join(networks, c => c.NetworkId, n => n.Id, (c, n) => new { c, n })
            .OrderByDescending(x => x.c.RecordedAt).Take(RecentCount)
            .Select(x => new MyWorkActivity(x.c.RecordedAt, MyWorkActivityKind.PhaseAdvanced, x.n.Id, x.n.Name, null, null))
            .ToListAsync(ct);
        var monitoring = await db.MonitoringRecords.AsNoTracking()
            .Join(networks, r => r.NetworkId, n => n.Id, (r, n) => new { r, n })
            .OrderByDescending(x => x.r.UpdatedAt).Take(RecentCount)
            .Select(x => new MyWorkActivity(x.r.UpdatedAt, MyWorkActivityKind.MonitoringRecorded, x.n.Id, x.n.Name, null, null))
            .ToListAsync(ct);

        return [.. registered.Concat(formed).Concat(phases).Concat(monitoring)
            .Concat(joined.Select(j => new MyWorkActivity(j.AddedAt ?? j.JoinedOn.StartOfPeruDay(), MyWorkActivityKind.MemberAdded, j.NetworkId, j.NetworkName, j.ProducerId, j.ProducerName)))
            .OrderByDescending(a => a.At).Take(RecentCount)];
    }
}
