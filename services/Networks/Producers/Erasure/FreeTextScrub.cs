using System.Text;
using Microsoft.EntityFrameworkCore;
using RedesPlataforma.BuildingBlocks.Peru;
using RedesPlataforma.Networks.Infrastructure;

namespace RedesPlataforma.Networks.Producers.Erasure;

/// <summary>
/// Removes a person's full name, DNI and phone from the tenant's free texts that can name a producer: why a member left
/// a network, a phase change's evidence and reason, why a network changed specialist. The name is found as the data
/// subject's copy finds it (<see cref="FoldedText.Mentions"/>): whatever the case, the accents and the punctuation between
/// its words; an abbreviated name is beyond what a text search can promise.
/// </summary>
static class FreeTextScrub
{
    public const string Replacement = "[dato personal eliminado]";

    public static async Task RunAsync(NetworksDb db, Producer producer, CancellationToken ct)
    {
        if (Pattern(producer) is not { } pattern) return;
        var tenant = producer.TenantId;
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE memberships SET left_reason = regexp_replace(left_reason, {pattern}, {Replacement}, 'gi')
            WHERE tenant_id = {tenant} AND left_reason ~* {pattern}
            """, ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE phase_changes SET evidence = regexp_replace(evidence, {pattern}, {Replacement}, 'gi'),
                                     reason = regexp_replace(reason, {pattern}, {Replacement}, 'gi')
            WHERE tenant_id = {tenant} AND (evidence ~* {pattern} OR reason ~* {pattern})
            """, ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE specialist_assignments SET reason = regexp_replace(reason, {pattern}, {Replacement}, 'gi')
            WHERE tenant_id = {tenant} AND reason ~* {pattern}
            """, ct);
    }

    /// <summary>"first last", "last first", the DNI and the phone as one PostgreSQL regular expression; null if nothing to look for.</summary>
    private static string? Pattern(Producer producer)
    {
        string?[] alternatives =
        [
            NamePattern(producer.FirstNames, producer.LastNames), NamePattern(producer.LastNames, producer.FirstNames),
            LiteralPattern(producer.Dni), LiteralPattern(producer.Phone),
        ];
        var found = alternatives.OfType<string>().ToList();
        return found.Count == 0 ? null : $"(?:{string.Join('|', found)})";
    }

    private static string? NamePattern(string first, string second) =>
        first.Length == 0 || second.Length == 0 ? null : FoldedText.MentionPattern($"{first} {second}");

    private static string? LiteralPattern(string? text) => string.IsNullOrWhiteSpace(text) ? null : Literal(text.Trim());

    /// <summary>The text matched literally: every character that is not a letter or digit escaped (in PostgreSQL's
    /// regular expressions a backslash before a non-alphanumeric character is that character); spaces match any run of white space.</summary>
    private static string Literal(string text)
    {
        var pattern = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) pattern.Append(@"\s+");
            else if (char.IsLetterOrDigit(c)) pattern.Append(c);
            else pattern.Append('\\').Append(c);
        }
        return pattern.ToString();
    }
}
