using System.Text;
using RedesPlataforma.Networks.Evidence;

namespace RedesPlataforma.Networks.Tests;

/// <summary>The evidence type sniffer and the file name sanitiser on their own, no database.</summary>
public sealed class EvidenceFileRulesTests
{
    static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00];
    static readonly byte[] Png = [0x89, .. "PNG"u8, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, .. "IHDR"u8];
    static readonly byte[] Pdf = [.. "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"u8];

    [Fact]
    public void Jpeg_png_and_pdf_are_told_by_their_first_bytes()
    {
        Assert.Same(EvidenceType.Jpeg, EvidenceType.Sniff(Jpeg));
        Assert.Same(EvidenceType.Png, EvidenceType.Sniff(Png));
        Assert.Same(EvidenceType.Pdf, EvidenceType.Sniff(Pdf));
        Assert.Equal(("image/jpeg", "image/png", "application/pdf"),
            (EvidenceType.Jpeg.ContentType, EvidenceType.Png.ContentType, EvidenceType.Pdf.ContentType));
    }

    [Theory]
    [InlineData("<!DOCTYPE html><script>alert(1)</script>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    [InlineData("MZ\u0090\u0000\u0003")]                 // a Windows program
    [InlineData("GIF89a")]
    [InlineData(" %PDF-1.7")]                          // the marker must open the file
    [InlineData("PNG")]
    public void Anything_else_is_not_evidence(string content) => Assert.Null(EvidenceType.Sniff(Encoding.Latin1.GetBytes(content)));

    [Fact]
    public void Truncated_markers_and_empty_content_are_not_evidence()
    {
        Assert.Null(EvidenceType.Sniff([]));
        Assert.Null(EvidenceType.Sniff([0xFF, 0xD8]));
        Assert.Null(EvidenceType.Sniff(Png.AsSpan(0, 7)));
    }

    [Theory]
    [InlineData("acta de fundación.jpg", "acta de fundación.jpg")]
    [InlineData("C:\\Users\\ana\\Fotos\\acta.jpg", "acta.jpg")]
    [InlineData("../../etc/passwd", "passwd.jpg")]
    [InlineData("foto.JPEG", "foto.jpeg")]
    [InlineData("acta.pdf", "acta.jpg")]                // the sniffed type's extension wins
    [InlineData("lista\r\nSet-Cookie: x=1.jpg", "listaSet-Cookie x=1.jpg")]
    [InlineData("a\"b<c>d|e?f*g;h.jpg", "abcdefgh.jpg")]
    [InlineData("  ...  ", "evidencia.jpg")]
    [InlineData(null, "evidencia.jpg")]
    [InlineData("nombre\u202Egpj.exe", "nombregpj.exe.jpg")] // no right-to-left override to disguise the extension
    public void A_name_keeps_its_last_part_without_control_or_reserved_characters_and_gets_the_sniffed_extension(string? requested, string expected) =>
        Assert.Equal(expected, EvidenceFileName.Sanitise(requested, EvidenceType.Jpeg));

    [Fact]
    public void A_png_named_pdf_is_named_png_and_a_long_name_is_cut_keeping_the_extension()
    {
        Assert.Equal("acta.png", EvidenceFileName.Sanitise("acta.pdf", EvidenceType.Png));
        var cut = EvidenceFileName.Sanitise(new string('a', 500) + ".pdf", EvidenceType.Pdf);
        Assert.Equal(EvidenceFileName.MaxLength, cut.Length);
        Assert.EndsWith("aaa.pdf", cut);
    }
}
