using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace RedesPlataforma.Seed;

/// <summary>A failed call, with enough of the response (the problem body) to see what the API refused.</summary>
public sealed class ApiException(string message) : Exception(message);

/// <summary>
/// The public HTTP API as one user sees it: an anonymous client, or one carrying that user's access token.
/// Every non-success status throws, so a seed never continues on top of a half-applied step.
/// </summary>
public sealed class ApiClient
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;
    private readonly string? _accessToken;

    public ApiClient(HttpClient http, string? accessToken = null)
    {
        _http = http;
        _accessToken = accessToken;
    }

    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>Password grant against /connect/token; returns a client acting as that user.</summary>
    public async Task<ApiClient> SignInAsync(string email, string password, string hintOnFailure, CancellationToken ct)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = email,
            ["password"] = password,
            ["scope"] = "offline_access",
        });
        using var response = await _http.PostAsync("connect/token", form, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new ApiException($"sign-in as {email} failed: POST /connect/token -> {(int)response.StatusCode} {response.ReasonPhrase}\n{body}\n{hintOnFailure}");

        var token = JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()
            ?? throw new ApiException($"sign-in as {email}: the token response has no access_token");
        return new ApiClient(_http, token);
    }

    public Task<T> GetAsync<T>(string path, CancellationToken ct) => SendAsync<T>(HttpMethod.Get, path, null, ct);

    public Task<T> PostAsync<T>(string path, object? body, CancellationToken ct) => SendAsync<T>(HttpMethod.Post, path, body, ct);

    public Task<T> PutAsync<T>(string path, object body, CancellationToken ct) => SendAsync<T>(HttpMethod.Put, path, body, ct);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (_accessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _accessToken);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);

        using var response = await _http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync(ct);
            throw new ApiException($"{method} /{path} -> {(int)response.StatusCode} {response.ReasonPhrase}\n{(problem.Length > 0 ? problem : "(empty body)")}");
        }
        return await response.Content.ReadFromJsonAsync<T>(Json, ct)
            ?? throw new ApiException($"{method} /{path} -> {(int)response.StatusCode} with an empty body");
    }
}
