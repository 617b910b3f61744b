using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using RedesPlataforma.BuildingBlocks.Http;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace RedesPlataforma.Gateway.Overload;

/// <summary>
/// Step of the YARP pipeline: a proxied request takes a turn before it is forwarded and gives it back when its service's
/// answer starts (the response transform below), so a slow client downloading an answer holds no turn. With every turn
/// taken a request waits in line, at most <see cref="OverloadSettings.MaxQueueWait"/>; with the line full, or the wait
/// over, it gets a 503 problem with Retry-After at once instead of queueing until the client gives up (ADR 0038).
/// </summary>
public sealed class OverloadShedding : IDisposable
{
    /// <summary>The meter operators watch for shedding (exported with the platform's others when OTLP is set).</summary>
    public const string MeterName = "RedesPlataforma.Gateway.Overload";
    public const string RefusedCounter = "redes.gateway.overload.refused";

    private readonly OverloadSettings _settings;
    private readonly ConcurrencyLimiter _turns;
    private readonly Counter<long> _refused;

    public OverloadShedding(IOptions<OverloadSettings> options, IMeterFactory meters)
    {
        _settings = options.Value;
        _turns = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = _settings.MaxConcurrentRequests,
            QueueLimit = _settings.MaxQueuedRequests,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        var meter = meters.Create(MeterName);
        _refused = meter.CreateCounter<long>(RefusedCounter, "{request}", "Proxied requests answered 503 because every turn was taken and the line was full or waited in too long.");
        meter.CreateObservableGauge("redes.gateway.overload.in_flight", () => _settings.MaxConcurrentRequests - Statistics.CurrentAvailablePermits, "{request}",
            "Proxied requests holding a turn: waiting for their service's answer.");
        meter.CreateObservableGauge("redes.gateway.overload.queued", () => Statistics.CurrentQueuedCount, "{request}",
            "Proxied requests waiting in line for a turn.");
    }

    /// <summary>Turns free and requests in line, now.</summary>
    public RateLimiterStatistics Statistics => _turns.GetStatistics()!;

    public async Task TakeTurn(HttpContext context, RequestDelegate next)
    {
        var turn = _turns.AttemptAcquire();
        if (!turn.IsAcquired)
        {
            turn.Dispose();
            turn = await WaitForTurnAsync(context.RequestAborted);
        }

        using var held = new Turn(turn);
        if (!turn.IsAcquired)
        {
            await RefuseAsync(context);
            return;
        }

        context.Features.Set(held);
        await next(context);
    }

    public void Dispose() => _turns.Dispose();

    private async Task<RateLimitLease> WaitForTurnAsync(CancellationToken aborted)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        wait.CancelAfter(_settings.MaxQueueWait);
        try
        {
            return await _turns.AcquireAsync(permitCount: 1, wait.Token);
        }
        catch (OperationCanceledException)
        {
            return NoTurn.Instance;
        }
    }

    private Task RefuseAsync(HttpContext context)
    {
        _refused.Add(1);
        return RetryLater.Problem(context.Response, StatusCodes.Status503ServiceUnavailable, TimeSpan.FromSeconds(_settings.RetryAfterSeconds),
            ProblemTitles.Unavailable,
            seconds => $"The platform is busy right now; retry in {seconds} s. / La plataforma está ocupada en este momento; reintente en {seconds} s.")
            .ExecuteAsync(context);
    }

    /// <summary>A turn given back once, by whichever comes first: the service's answer or the end of the request.</summary>
    private sealed class Turn(RateLimitLease lease) : IDisposable
    {
        private RateLimitLease? _lease = lease;

        public void Dispose() => Interlocked.Exchange(ref _lease, null)?.Dispose();
    }

    private sealed class NoTurn : RateLimitLease
    {
        public static readonly NoTurn Instance = new();

        public override bool IsAcquired => false;
        public override IEnumerable<string> MetadataNames => [];
        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }

    /// <summary>Gives the turn back as the service's answer starts: the rest is the client's download.</summary>
    internal sealed class GiveBackWhenAnswered : ITransformProvider
    {
        public void ValidateRoute(TransformRouteValidationContext context) { }

        public void ValidateCluster(TransformClusterValidationContext context) { }

        public void Apply(TransformBuilderContext context) => context.AddResponseTransform(transform =>
        {
            transform.HttpContext.Features.Get<Turn>()?.Dispose();
            return ValueTask.CompletedTask;
        });
    }
}
