using Akka.Actor;
using FedHealth.Coordinator.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FedHealth.Cli.Commands.Services;

/// <summary>
/// The OpenTelemetry wiring of a service (the <c>FedHealth</c> meter and activity source) and its
/// monitoring endpoints on Kestrel in the same host: Prometheus <c>/metrics</c>, <c>/healthz</c>
/// (the process answers) and <c>/readyz</c> (the actor system runs and the certificate is valid
/// for more than <see cref="MetricsSection.CertificateWarningDays"/> days).
/// </summary>
internal static class MonitoringEndpoints
{
    public static void Listen(KestrelServerOptions kestrel, MetricsSection metrics) => kestrel.Listen(metrics.Address()!, metrics.Port);

    public static void AddTo(WebApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry()
            .WithMetrics(m => m.AddMeter(FedHealthMetrics.Name).AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0))
            .WithTracing(t => t.AddSource(FedHealthMetrics.Name));
    }

    public static void Map(WebApplication app, MetricsSection metrics, ServiceTls tls)
    {
        var refusals = FedHealthMetrics.ObserveTlsRefusals(() =>
            tls.Validator.RejectionCounts().Select(kv => new KeyValuePair<string, long>(kv.Key.ToString(), kv.Value)));
        app.Lifetime.ApplicationStopped.Register(refusals.Dispose);
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/readyz", (ActorSystem system) => Readiness.Problems(system, tls.Certificate, metrics.CertificateWarningDays, DateTimeOffset.UtcNow) is { Count: > 0 } problems
            ? Results.Text(string.Join('\n', problems) + "\n", statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Text("ready\n"));
    }
}
