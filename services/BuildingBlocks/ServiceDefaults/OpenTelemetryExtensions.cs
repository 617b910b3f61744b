using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace RedesPlataforma.BuildingBlocks.ServiceDefaults;

public static class OpenTelemetryExtensions
{
    /// <summary>Traces, metrics and logs from ASP.NET Core, HttpClient, Npgsql, MassTransit and the platform's own meters
    /// (RedesPlataforma.*), exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set. Without it nothing is collected:
    /// spans and histograms nobody exports would cost CPU on every request (docs/decisions/0030), and a local run needs
    /// no collector.</summary>
    public static IHostApplicationBuilder AddOpenTelemetryDefaults(this IHostApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) return builder;

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeScopes = true;
            logging.IncludeFormattedMessage = true;
        });

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource("MassTransit"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter("MassTransit")
                .AddMeter("RedesPlataforma.*"))
            .UseOtlpExporter();
        return builder;
    }
}
