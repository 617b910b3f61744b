namespace RedesPlataforma.Networks.Evidence;

/// <summary>A file type evidence may have, with the extension its stored name gets.</summary>
public sealed record EvidenceType(string ContentType, string Extension, bool ShownInline)
{
    public static readonly EvidenceType Jpeg = new("image/jpeg", ".jpg", ShownInline: true);
    public static readonly EvidenceType Png = new("image/png", ".png", ShownInline: true);
    public static readonly EvidenceType Pdf = new("application/pdf", ".pdf", ShownInline: false);

    static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];
    static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;

    /// <summary>
    /// The type the content itself declares by its first bytes, or null for anything else. The name and the request's
    /// Content-Type are never asked: an HTML page or a program renamed .jpg must not be served as a photo.
    /// </summary>
    public static EvidenceType? Sniff(ReadOnlySpan<byte> content) =>
        content.StartsWith(JpegMagic) ? Jpeg
        : content.StartsWith(PngMagic) ? Png
        : content.StartsWith(PdfMagic) ? Pdf
        : null;
}
