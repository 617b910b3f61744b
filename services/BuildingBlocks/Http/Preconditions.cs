using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace RedesPlataforma.BuildingBlocks.Http;

/// <summary>
/// Optimistic concurrency over HTTP for records edited offline: reads answer <c>ETag: "&lt;version&gt;"</c> (and carry the
/// same version in the body), writes may send <c>If-Match</c>, a stale one gets 412 with the current version. The version
/// is PostgreSQL's row version (<c>xmin</c>, a <c>uint</c> property mapped with Npgsql's <c>IsRowVersion()</c>, which also
/// makes it EF's concurrency token), which every write of the row changes, whatever code path makes it.
/// </summary>
public static class Preconditions
{
    /// <summary>The version as clients see it: the row version in decimal.</summary>
    public static string Version(uint rowVersion) => rowVersion.ToString(CultureInfo.InvariantCulture);

    public static void SetETag(this HttpResponse response, string version) => response.Headers.ETag = new EntityTagHeaderValue($"\"{version}\"").ToString();

    /// <summary>
    /// True when the write may go ahead: no If-Match (an unconditional write), <c>*</c>, or a strong tag equal to the
    /// current version. Weak tags never match (RFC 9110 §13.1.1), and an If-Match that cannot be parsed matches nothing.
    /// </summary>
    public static bool IfMatchAllows(HttpRequest request, string currentVersion)
    {
        var raw = request.Headers.IfMatch;
        if (raw.Count == 0) return true;
        if (!EntityTagHeaderValue.TryParseList(raw, out var tags) || tags.Count == 0) return false;
        var current = new EntityTagHeaderValue($"\"{currentVersion}\"");
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: true));
    }

    /// <summary>The 412 a write with a stale If-Match gets, or null when it may go ahead (<see cref="IfMatchAllows"/>).</summary>
    public static ProblemHttpResult? Stale(HttpRequest request, uint rowVersion) =>
        IfMatchAllows(request, Version(rowVersion)) ? null : Failed(Version(rowVersion));

    /// <summary>412 with the version the record has now, so the client can fetch it and show both.</summary>
    public static ProblemHttpResult Failed(string? currentVersion) => TypedResults.Problem(
        statusCode: StatusCodes.Status412PreconditionFailed,
        title: ProblemTitles.PreconditionFailed,
        detail: "The record was changed since you read it (If-Match). Reload it, compare and try again. / " +
                "El registro cambió desde que lo leyó (If-Match). Recárguelo, compare e intente de nuevo.",
        extensions: new Dictionary<string, object?> { ["currentVersion"] = currentVersion });

    /// <summary>
    /// Saves a conditional write. If another write committed between reading the record and saving it, the row version
    /// no longer matches, nothing is written and the answer is 412 with the version now stored (read by
    /// <paramref name="currentVersion"/>; null when the record is gone). Returns null when the save went through.
    /// </summary>
    public static async Task<ProblemHttpResult?> SaveChangesOrPreconditionFailedAsync(
        this DbContext db, Func<CancellationToken, Task<uint?>> currentVersion, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Failed(await currentVersion(ct) is { } version ? Version(version) : null);
        }
    }
}
