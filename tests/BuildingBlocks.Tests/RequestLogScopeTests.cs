using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RedesPlataforma.BuildingBlocks.ServiceDefaults;

namespace RedesPlataforma.BuildingBlocks.Tests;

public sealed class RequestLogScopeTests
{
    [Fact]
    public async Task A_line_logged_during_a_request_carries_the_gateways_correlation_id_and_the_path()
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/api/producers";
        context.Request.Headers["X-Correlation-Id"] = "portal.web_42";

        var scopes = await LogDuring(context);

        Assert.Equal("portal.web_42", scopes["CorrelationId"]);
        Assert.Equal("/api/producers", scopes["RequestPath"]);
    }

    [Fact]
    public async Task Without_the_gateways_header_the_request_is_told_apart_by_its_own_identifier()
    {
        var context = new DefaultHttpContext { TraceIdentifier = "0HNA:00000007" };
        context.Request.Path = "/health/ready";

        var scopes = await LogDuring(context);

        Assert.Equal("0HNA:00000007", scopes["CorrelationId"]);
    }

    private static async Task<Dictionary<string, object?>> LogDuring(HttpContext context)
    {
        var provider = new ScopeRecorder();
        using var factory = LoggerFactory.Create(logging => logging.AddProvider(provider));
        var logger = factory.CreateLogger("endpoint");
        var middleware = new RequestLogScopeMiddleware(_ =>
        {
            logger.LogInformation("inside the request");
            return Task.CompletedTask;
        }, factory.CreateLogger<RequestLogScopeMiddleware>());

        await middleware.InvokeAsync(context);

        return provider.Lines.Single();
    }

    /// <summary>A log provider that keeps, for each line, the scope properties it was written under.</summary>
    private sealed class ScopeRecorder : ILoggerProvider, ISupportExternalScope, ILogger
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public List<Dictionary<string, object?>> Lines { get; } = [];

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => _scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = new Dictionary<string, object?>();
            _scopes.ForEachScope((scope, line) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    foreach (var (key, value) in pairs) line[key] = value;
            }, properties);
            Lines.Add(properties);
        }

        public void Dispose() { }
    }
}
