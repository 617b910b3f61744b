using System.Net;
using System.Net.Http.Headers;
using System.Text;
using RedesPlataforma.Networks.Evidence;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Networks.FunctionalTests;

/// <summary>Uploading evidence as a client does: raw bytes, a client id, the name in the query.</summary>
public static class EvidenceScenario
{
    // The openings the service sniffs each evidence type by.
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00];
    public static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n");

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, Guid networkId, Guid evidenceId, byte[] content,
        string? fileName = "acta.jpg", string contentType = "image/jpeg")
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var query = fileName is null ? "" : $"?fileName={Uri.EscapeDataString(fileName)}";
        return client.PutAsync($"/api/networks/{networkId}/evidence/{evidenceId}{query}", body);
    }

    /// <summary>Asserts an RFC 9457 problem with the status and a bilingual title.</summary>
    public static async Task ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        await response.ShouldBeAsync(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Contains(" / ", problem.GetProperty("title").GetString());
    }

    /// <summary>Uploads a small JPEG and returns its summary.</summary>
    public static async Task<EvidenceSummary> UploadPhotoAsync(this HttpClient client, Guid networkId, string fileName = "acta.jpg")
    {
        var response = await client.UploadAsync(networkId, Guid.NewGuid(), Photo(), fileName);
        await response.ShouldBeAsync(HttpStatusCode.Created);
        return await response.ReadAsync<EvidenceSummary>();
    }

    /// <summary>A JPEG's opening followed by random bytes, so two photos never have the same content.</summary>
    public static byte[] Photo(int size = 2048)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        Jpeg.CopyTo(bytes, 0);
        return bytes;
    }
}
