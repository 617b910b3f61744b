using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace RedesPlataforma.Seed;

/// <summary>A failed call, with enough of the response (the problem body) to see what the API refused.</summary>
public sealed class ApiException(string message, HttpStatusCode? status = null, string? body = null) : Exception(message)
{
    /// <summary>The response's status, when the API answered.</summary>
    public HttpStatusCode? Status { get; } = status;

    /// <summary>The response body (a problem document, usually), when there was one.</summary>
    public string? Body { get; } = body;
}

/// <summary>
/// The public HTTP API as one user sees it: an anonymous client, or one carrying that user's access token.
/// Every non-success status throws, so a seed never continues on top of a half-applied step. A 429 from the
/// gateway's rate limiter, or a 503 with Retry-After (the gateway too busy, ADR 0038, or a database restarting), is
/// not a failure: it is sent again after the Retry-After it came with.
/// </summary>
public sealed class ApiClient
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const int MaxThrottledAttempts = 60;
    private const int MaxBodyInMessage = 4000;
    private static long _throttled;

    private readonly HttpClient _http;
    private readonly string? _accessToken;

    public ApiClient(HttpClient http, string? accessToken = null)
    {
        _http = http;
        _accessToken = accessToken;
    }

    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>The user's access token, for a caller that sends and times its own requests (bench/Load.Bench).</summary>
    public string? AccessToken => _accessToken;

    /// <summary>How many requests were turned away with 429, or 503 and a Retry-After (and retried), in this process.</summary>
    public static long ThrottledRequests => Interlocked.Read(ref _throttled);

    /// <summary>The same user against another base address (a service reached directly when there is no gateway).</summary>
    public ApiClient For(HttpClient http) => new(http, _accessToken);

    /// <summary>Password grant against /connect/token; returns a client acting as that user.</summary>
    public async Task<ApiClient> SignInAsync(string email, string password, string hintOnFailure, CancellationToken ct)
    {
        using var response = await SendWithRetryAsync(HttpMethod.Post, "connect/token", () => new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = email,
            ["password"] = password,
            ["scope"] = "offline_access",
        }), authenticate: false, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new ApiException($"sign-in as {email} failed: POST /connect/token -> {(int)response.StatusCode} {response.ReasonPhrase}\n{body}\n{hintOnFailure}",
                response.StatusCode, body);

        var token = JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()
            ?? throw new ApiException($"sign-in as {email}: the token response has no access_token");
        return new ApiClient(_http, token);
    }

    public Task<T> GetAsync<T>(string path, CancellationToken ct) => SendAsync<T>(HttpMethod.Get, path, null, ct);

    public Task<T> PostAsync<T>(string path, object? body, CancellationToken ct) => SendAsync<T>(HttpMethod.Post, path, body, ct);

    public Task<T> PutAsync<T>(string path, object body, CancellationToken ct) => SendAsync<T>(HttpMethod.Put, path, body, ct);

    /// <summary>Every item of a paged list (<c>page</c>/<c>pageSize</c>, 200 a page, the APIs' maximum).</summary>
    public async Task<List<T>> GetAllAsync<T>(string path, CancellationToken ct)
    {
        var separator = path.Contains('?') ? '&' : '?';
        var items = new List<T>();
        for (var page = 1; ; page++)
        {
            var result = await GetAsync<Page<T>>($"{path}{separator}pageSize=200&page={page}", ct);
            items.AddRange(result.Items);
            if (result.Items.Count == 0 || items.Count >= result.TotalCount) return items;
        }
    }

    /// <summary>A multipart/form-data POST with one file field.</summary>
    public Task<T> PostFileAsync<T>(string path, string field, string fileName, string contentType, byte[] content, CancellationToken ct) =>
        SendAsync<T>(HttpMethod.Post, path, () =>
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            return new MultipartFormDataContent { { file, field, fileName } };
        }, ct);

    private Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct) =>
        SendAsync<T>(method, path, body is null ? null : () => JsonContent.Create(body, body.GetType(), options: Json), ct);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, Func<HttpContent>? content, CancellationToken ct)
    {
        using var response = await SendWithRetryAsync(method, path, content, authenticate: true, ct);
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync(ct);
            var shown = problem.Length == 0 ? "(empty body)" : problem.Length > MaxBodyInMessage ? problem[..MaxBodyInMessage] + " …" : problem;
            throw new ApiException($"{method} /{path} -> {(int)response.StatusCode} {response.ReasonPhrase}\n{shown}", response.StatusCode, problem);
        }
        return await response.Content.ReadFromJsonAsync<T>(Json, ct)
            ?? throw new ApiException($"{method} /{path} -> {(int)response.StatusCode} with an empty body", response.StatusCode);
    }

    /// <summary>Sends, and sends again while told to come back later (a new request each time: content cannot be re-sent).</summary>
    private async Task<HttpResponseMessage> SendWithRetryAsync(
        HttpMethod method, string path, Func<HttpContent>? content, bool authenticate, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path);
            if (authenticate && _accessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _accessToken);
            if (content is not null) request.Content = content();

            var response = await _http.SendAsync(request, ct);
            if (!ComeBackLater(response) || attempt >= MaxThrottledAttempts) return response;

            Interlocked.Increment(ref _throttled);
            var wait = RetryAfter(response) ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            // A little jitter so that workers turned away together do not all come back in the same instant.
            await Task.Delay(wait + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 250)), ct);
        }
    }

    private static bool ComeBackLater(HttpResponseMessage response) => response.StatusCode == HttpStatusCode.TooManyRequests
        || response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null;

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero,
        _ => null,
    };
}
