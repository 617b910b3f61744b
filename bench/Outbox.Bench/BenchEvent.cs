using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;

namespace RedesPlataforma.Bench.Outbox;

/// <summary>The integration event; <paramref name="SentTicks"/> is <see cref="Stopwatch.GetTimestamp"/> just before SaveChanges.</summary>
public sealed record BenchEvent(Guid Id, long SentTicks);

/// <summary>Runs behind the platform's tenant and inbox filters, like any real consumer, and only stamps the arrival.</summary>
public sealed class BenchEventConsumer(LatencyRecorder recorder) : IConsumer<BenchEvent>
{
    public Task Consume(ConsumeContext<BenchEvent> context)
    {
        recorder.Received(context.Message.Id, Stopwatch.GetTimestamp());
        return Task.CompletedTask;
    }
}

/// <summary>Stamps the moment the dispatcher's publish of an event completed (publisher confirm included).</summary>
public sealed class BenchPublishObserver(LatencyRecorder recorder) : IPublishObserver
{
    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        if (context.Message is BenchEvent e) recorder.Published(e.Id, Stopwatch.GetTimestamp());
        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}

/// <summary>One scenario's events: their ids are drawn up front so a receive can be attributed even if it beats the writer's bookkeeping.</summary>
public sealed class BenchRun
{
    private readonly TaskCompletionSource _allReceived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _received;

    public BenchRun(string name, int count)
    {
        Name = name;
        Ids = [.. Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7())];
        IdSet = [.. Ids];
        if (count == 0) _allReceived.TrySetResult();
    }

    public string Name { get; }
    public Guid[] Ids { get; }
    public HashSet<Guid> IdSet { get; }
    public int ReceivedCount => Volatile.Read(ref _received);
    public Task AllReceived => _allReceived.Task;

    internal void OnReceived()
    {
        if (Interlocked.Increment(ref _received) == Ids.Length) _allReceived.TrySetResult();
    }
}

/// <summary>Commit and receive timestamps on the process's monotonic clock (writer and consumer share it).</summary>
public sealed class LatencyRecorder
{
    private readonly ConcurrentDictionary<Guid, long> _sent = new();
    private readonly ConcurrentDictionary<Guid, long> _committed = new();
    private readonly ConcurrentDictionary<Guid, long> _received = new();
    private readonly ConcurrentDictionary<Guid, long> _published = new();
    private volatile BenchRun? _current;
    private int _duplicates;
    private int _strays;

    public int Duplicates => Volatile.Read(ref _duplicates);
    public int Strays => Volatile.Read(ref _strays);

    public void Begin(BenchRun run) => _current = run;

    public void Committed(Guid id, long sentTicks, long committedTicks)
    {
        _sent[id] = sentTicks;
        _committed[id] = committedTicks;
    }

    public void Published(Guid id, long ticks) => _published.TryAdd(id, ticks);

    public bool TryGetPublished(Guid id, out long ticks) => _published.TryGetValue(id, out ticks);

    public void Received(Guid id, long ticks)
    {
        if (!_received.TryAdd(id, ticks))
        {
            Interlocked.Increment(ref _duplicates);
            return;
        }
        var run = _current;
        if (run is not null && run.IdSet.Contains(id)) run.OnReceived();
        else Interlocked.Increment(ref _strays);
    }

    public bool TryGet(Guid id, out long sent, out long committed, out long received)
    {
        received = 0;
        sent = 0;
        return _committed.TryGetValue(id, out committed) && _sent.TryGetValue(id, out sent) && _received.TryGetValue(id, out received);
    }
}
