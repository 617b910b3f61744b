using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RedesPlataforma.Testing;
using Xunit.Abstractions;

namespace RedesPlataforma.EndToEnd.Tests.Robustness;

/// <summary>
/// Every operation of every service's OpenAPI document gets bad inputs (<see cref="BadInputs"/>) through the gateway,
/// as the national unit or as the admin of one of two tenants, with the ids of real records in its path. Whatever the
/// input: no 5xx, every 4xx a problem (application/problem+json), no write of an enum value the schema does not list,
/// and a write that was refused leaves every table of its service's database with the rows it had. Operations without any input (nothing to make bad) are not sent:
/// among them are logout and the read models' clear and rebuild, which would end the run's session or empty Reporting.
/// </summary>
[Collection(LocalStackCollection.Name)]
[ChangesAnything] // an odd input that is still valid (a long text where no limit applies, an extra field ignored, a setting) is accepted and written
public sealed partial class RobustnessTests(LocalStack stack, ITestOutputHelper output)
{
    private const int Seed = 16;

    /// <summary>
    /// Per service, the tables background work writes rather than the request being judged (see <see cref="RowCounts"/>):
    /// the outbox's dispatcher, the inbox, the projections of other services' events, ASP.NET's data protection keys.
    /// </summary>
    private static readonly Dictionary<string, string[]> BackgroundTables = new()
    {
        ["tenants"] = ["outbox_messages", "inbox_messages", "data_protection_keys"],
        ["networks"] = ["outbox_messages", "inbox_messages", "specialists"],
        ["financing"] = ["outbox_messages", "inbox_messages", "networks"],
        ["reporting"] = [],
    };

    [Fact]
    public async Task Bad_input_to_any_operation_gets_a_problem_and_writes_nothing()
    {
        using var anonymous = stack.Anonymous();
        using var national = await stack.SignedInAsync("unidad@redes.pe", stack.NationalPassword);
        using var agroRural = await stack.SignedInAsync("admin@agrorural.demo.pe", stack.AgroRuralAdminPassword);
        using var andina = await stack.SignedInAsync("admin@andina.demo.pe", stack.AndinaAdminPassword);
        HttpClient[] tenantAdmins = [agroRural, andina];
        Guid[] tenants = [await CurrentTenantAsync(agroRural), await CurrentTenantAsync(andina)];
        var ids = new RealIds();
        var run = new Run();

        foreach (var service in LocalStack.Services)
        {
            var document = JsonNode.Parse(await anonymous.GetStringAsync($"openapi/{service}.json"))!.AsObject();
            var rows = new RowCounts(LocalStack.Database(service), tenants, BackgroundTables[service]);
            foreach (var operation in OpenApiOperation.Read(service, document))
            {
                if (!operation.HasInput) { run.Skipped.Add(operation.ToString()); continue; }
                var inputs = BadInputs.For(operation, Seed ^ StableHash(operation.Id));
                for (var i = 0; i < inputs.Count; i++)
                {
                    var client = RoleFor(operation) switch { Role.Anonymous => anonymous, Role.National => national, _ => tenantAdmins[i % 2] };
                    var path = await ids.FillAsync(client, operation.Path, inputs[i].Path);
                    var before = operation.Writes ? await run.CountingAsync(rows.TakeAsync) : null;
                    var answer = await run.SendingAsync(() => SendAsync(client, operation, path, inputs[i]));
                    run.Judge(operation, inputs[i], answer);
                    if (before is not null && answer.Status is not (>= 200 and < 300))
                        run.JudgeWrites(operation, inputs[i], answer, RowCounts.Changes(before, await run.CountingAsync(rows.TakeAsync)));
                }
            }
        }

        output.WriteLine(run.Report(int.MaxValue));
        Figures.Record("robustness.txt", run.Report(0).Split('\n')[0]);
        Assert.True(run.Failures.Count == 0, run.Report(80));
    }

    private enum Role { Anonymous, National, TenantAdmin }

    /// <summary>Who may call an operation, from its path: the token server's anonymous forms, the national unit's desks, or a tenant's staff.</summary>
    private static Role RoleFor(OpenApiOperation operation) => operation.Path switch
    {
        "/api/onboarding/applications" when operation.Method == "POST" => Role.Anonymous,
        var p when p.EndsWith("/status", StringComparison.Ordinal) || p.StartsWith("/api/account/invitation", StringComparison.Ordinal)
            || p.StartsWith("/api/account/password-reset", StringComparison.Ordinal) => Role.Anonymous,
        var p when NationalPath().IsMatch(p) => Role.National,
        _ => Role.TenantAdmin,
    };

    [GeneratedRegex(@"^/api/(national|reporting/national|reporting/read-models|reporting/rebuild|programmes/national|programmes/\{id\}/budgets|onboarding|tenants(?!/current))")]
    private static partial Regex NationalPath();

    private static async Task<Answer> SendAsync(HttpClient client, OpenApiOperation operation, string path, BadInput input)
    {
        var query = input.Query.Count == 0 ? "" : "?" + string.Join('&', input.Query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path + query) { Content = input.Body?.Invoke() };
            try
            {
                using var response = await client.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync(); // a stream that breaks off is a failure too
                // The gateway's rate limit is not what is tested: wait as told and send the same request again.
                if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 4)
                {
                    await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                    continue;
                }
                return new Answer((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, null);
            }
            catch (HttpRequestException e)
            {
                return new Answer(0, null, e.InnerException?.Message ?? e.Message);
            }
        }
    }

    private static async Task<Guid> CurrentTenantAsync(HttpClient admin) =>
        (await (await admin.GetAsync("api/tenants/current")).ReadAsync<JsonElement>()).GetProperty("id").GetGuid();

    private static int StableHash(string text) => text.Aggregate(17, (hash, c) => unchecked(hash * 31 + c));

    public sealed record Answer(int Status, string? MediaType, string? Error);

    /// <summary>The requests tried and the failures found, by category and by the kind of bad input.</summary>
    private sealed class Run
    {
        private int _tried;
        private readonly Stopwatch _sending = new(), _counting = new();

        public Task<Answer> SendingAsync(Func<Task<Answer>> send) => Timed(_sending, send);
        public Task<T> CountingAsync<T>(Func<Task<T>> count) => Timed(_counting, count);

        private static async Task<T> Timed<T>(Stopwatch clock, Func<Task<T>> work)
        {
            clock.Start();
            try { return await work(); }
            finally { clock.Stop(); }
        }
        public List<string> Skipped { get; } = [];
        private readonly List<string> _accepted = [];
        public List<(string Category, string Kind, string Detail)> Failures { get; } = [];

        public void Judge(OpenApiOperation operation, BadInput input, Answer answer)
        {
            _tried++;
            if (operation.Writes && answer.Status is >= 200 and < 300)
            {
                _accepted.Add($"{operation.Id} ({input.Kind})");
                // A value the schema does not list is never valid, even where the rest of the body is.
                if (input.Kind == "unknown enum") Fail("unknown enum accepted", operation, input, $"{answer.Status}");
            }
            if (answer.Error is not null) Fail("no answer", operation, input, answer.Error);
            else if (answer.Status >= 500) Fail("5xx", operation, input, $"{answer.Status}");
            else if (answer.Status >= 400 && answer.MediaType != "application/problem+json")
                Fail("4xx without a problem", operation, input, $"{answer.Status} {answer.MediaType ?? "(no body)"}");
        }

        public void JudgeWrites(OpenApiOperation operation, BadInput input, Answer answer, IReadOnlyList<string> changes)
        {
            if (changes.Count > 0) Fail("half-written", operation, input, $"{answer.Status}, rows changed: {string.Join(", ", changes)}");
        }

        private void Fail(string category, OpenApiOperation operation, BadInput input, string what) =>
            Failures.Add((category, input.Kind, $"{operation} <- {input}: {what}"));

        public string Report(int details)
        {
            var lines = new List<string>
            {
                $"robustness: {_tried} bad requests through the gateway, {Failures.Count} failed; {Skipped.Count} operations without input not sent; " +
                $"{_sending.Elapsed.TotalSeconds:0.0} s sending, {_counting.Elapsed.TotalSeconds:0.0} s counting rows",
            };
            lines.AddRange(Failures.GroupBy(f => f.Category).Select(g =>
                $"  {g.Key}: {g.Count()} ({string.Join(", ", g.GroupBy(f => f.Kind).OrderByDescending(k => k.Count()).Select(k => $"{k.Key} {k.Count()}"))})"));
            lines.AddRange(Failures.Take(details).Select(f => $"    [{f.Category}] {f.Detail}"));
            lines.Add($"  writes accepted as valid: {_accepted.Count}: {string.Join("; ", _accepted.GroupBy(a => a).Select(a => $"{a.Key} x{a.Count()}"))}");
            lines.Add($"  not sent: {string.Join("; ", Skipped)}");
            return string.Join('\n', lines);
        }
    }
}

/// <summary>
/// The ids of real records for an operation's path, so that bad input reaches the code behind the lookup: each
/// {parameter} is read from the last item of the list one level up (as the caller sees it), else a stand-in.
/// </summary>
public sealed partial class RealIds
{
    private static readonly Dictionary<string, string> StandIns = new() { ["table"] = "programmes", ["format"] = "csv" };
    private readonly Dictionary<(HttpClient, string), string> _known = [];

    public async Task<string> FillAsync(HttpClient client, string template, IReadOnlyDictionary<string, string> overrides)
    {
        var path = template;
        foreach (Match parameter in Parameter().Matches(template))
        {
            var name = parameter.Groups[1].Value;
            var value = overrides.TryGetValue(name, out var bad) ? bad
                : Uri.EscapeDataString(await RealAsync(client, path[..path.IndexOf(parameter.Value, StringComparison.Ordinal)].TrimEnd('/', '.'), name));
            path = path.Replace(parameter.Value, value);
        }
        return path;
    }

    private async Task<string> RealAsync(HttpClient client, string list, string name)
    {
        if (_known.TryGetValue((client, list + name), out var known)) return known;
        var value = StandIns.GetValueOrDefault(name, "5e7a0000-0000-4000-8000-00000000bad2");
        using var response = await client.GetAsync(list);
        if (response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            var json = await response.Content.ReadFromJsonAsync<JsonElement>();
            var items = json.ValueKind == JsonValueKind.Array ? json : json.TryGetProperty("items", out var page) ? page : default;
            if (items.ValueKind == JsonValueKind.Array && items.GetArrayLength() > 0
                && new[] { name, "id", "code", "period" }.Select(p => items[items.GetArrayLength() - 1].TryGetProperty(p, out var v) ? v.ToString() : null)
                    .FirstOrDefault(v => v is not null) is { } real)
                value = real;
        }
        return _known[(client, list + name)] = value;
    }

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex Parameter();
}
