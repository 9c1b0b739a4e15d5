using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Samla.Web.Infrastructure;

/// <summary>
/// Traces and metrics through OpenTelemetry. They leave the process only when an OTLP endpoint is
/// configured (the standard OTEL_EXPORTER_OTLP_ENDPOINT variable), so a plain start sends nothing anywhere.
/// </summary>
public static class Telemetry
{
    public static void AddSamlaTelemetry(this WebApplicationBuilder builder)
    {
        var endpoint = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint)) return;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("samla", serviceVersion: typeof(Telemetry).Assembly.GetName().Version?.ToString()))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                .AddSource("Npgsql")
                .AddOtlpExporter())
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.EntityFrameworkCore")
                .AddOtlpExporter());
    }
}
