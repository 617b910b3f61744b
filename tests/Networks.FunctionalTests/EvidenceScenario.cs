using System.Net;
using System.Net.Http.Headers;
using RedesPlataforma.Networks.Evidence;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Networks.FunctionalTests;

/// <summary>Uploading evidence as a client does: raw bytes, a client id, the name in the query.</summary>
public static class EvidenceScenario
{
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
        EvidenceFileRulesTests.Jpeg.CopyTo(bytes, 0);
        return bytes;
    }
}
