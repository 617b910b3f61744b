using System.Collections.Concurrent;
using System.Diagnostics;

namespace RedesPlataforma.Bench.Load;

/// <summary>One answered (or failed) request. Status 0: no answer within the timeout; -1: the connection failed.</summary>
public sealed record Sample(string Group, string Operation, int Status, double Milliseconds, bool RetryAfter);

/// <summary>What one schedule produced: its samples and the time from the first scheduled start to the last answer.</summary>
public sealed record LoopResult(IReadOnlyList<Sample> Samples, TimeSpan Elapsed)
{
    public double Throughput => Samples.Count / Elapsed.TotalSeconds;
}

/// <summary>
/// An open-model load generator: request n is due at start + n / rate and is sent then, whether or not earlier ones have
/// been answered, and its latency runs from when it was due (not from when it was sent). A slow system therefore shows
/// as latency, instead of as a client that quietly sends less (coordinated omission).
/// </summary>
public sealed class OpenLoop(HttpClient http)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task<LoopResult> RunAsync(string group, double rate, TimeSpan duration, Func<long, Call> next, CancellationToken ct)
    {
        var samples = new ConcurrentQueue<Sample>();
        var total = (long)(rate * duration.TotalSeconds);
        var inFlight = new List<Task>((int)Math.Min(total, 1_000_000));
        var start = Stopwatch.GetTimestamp();
        for (long n = 0; n < total; n++)
        {
            var due = start + (long)(n * Stopwatch.Frequency / rate);
            var early = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            // Timers tick about once a millisecond: requests due within it go out together, each still timed from its own due time.
            if (early > TimeSpan.FromMilliseconds(1)) await Task.Delay(early, ct);
            var call = next(n);
            inFlight.Add(Task.Run(() => SendAsync(group, call, due, samples, ct), ct));
        }
        await Task.WhenAll(inFlight);
        return new LoopResult([.. samples], Stopwatch.GetElapsedTime(start));
    }

    private async Task SendAsync(string group, Call call, long due, ConcurrentQueue<Sample> samples, CancellationToken ct)
    {
        using var request = call.Request;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        HttpResponseMessage? response = null;
        int status;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            status = (int)response.StatusCode;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            status = 0;
        }
        catch (HttpRequestException)
        {
            status = -1;
        }
        using (response)
        {
            samples.Enqueue(new Sample(group, call.Operation, status, Stopwatch.GetElapsedTime(due).TotalMilliseconds, response?.Headers.RetryAfter is not null));
            // What the mix remembers (a drafted plan's id) is read from the body already received: not part of the latency.
            if (response is { IsSuccessStatusCode: true } && call.OnSuccess is { } remember) await remember(response, ct);
        }
    }
}
