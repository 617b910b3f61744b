using System.Linq.Expressions;

namespace RedesPlataforma.Networks.Evidence;

/// <summary>What a client sees of an evidence file; its bytes are at <c>…/evidence/{id}/content</c>.</summary>
public sealed record EvidenceSummary(
    Guid Id, Guid NetworkId, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt, string? UploadedByName)
{
    /// <summary>Reads only the file's row, never its content.</summary>
    public static readonly Expression<Func<EvidenceFile, EvidenceSummary>> Projection = e =>
        new EvidenceSummary(e.Id, e.NetworkId, e.FileName, e.ContentType, e.Size, e.UploadedAt, e.UploadedByName);

    static readonly Func<EvidenceFile, EvidenceSummary> Map = Projection.Compile();

    public static EvidenceSummary From(EvidenceFile file) => Map(file);
}
