using FedHealth.Cli.Commands.Services;

namespace FedHealth.Cli.Commands.Coordinator;

/// <summary>Where the coordinator listens, its certificate, and where the report goes.</summary>
internal sealed class CoordinatorSection
{
    public const int DefaultPort = 7400;

    public EndpointSection Bind { get; set; } = new() { Port = DefaultPort };

    public TlsSection Tls { get; set; } = new();

    /// <summary>The monitoring endpoint (<c>/metrics</c>, <c>/healthz</c>, <c>/readyz</c>); off unless its port is set.</summary>
    public MetricsSection Metrics { get; set; } = new();

    /// <summary>The web console (docs/console.md); off unless its URL is set.</summary>
    public ConsoleSection Console { get; set; } = new();

    public TransferSection Transfer { get; set; } = new();

    public string? Output { get; set; }

    /// <summary>The audit trail's state directory (docs/audit.md).</summary>
    public CoordinatorAuditSection Audit { get; set; } = new();
    /// <summary>The durable state of the studies (docs/durability.md).</summary>
    public StateSection State { get; set; } = new();

    public double RegistrationTimeoutSeconds { get; set; } = 300;

    /// <summary>A stored model's manifest (<c>model/ID.json</c>, its weights beside it) to start round 1 from instead of fresh weights; null: fresh.</summary>
    public string? InitialModel { get; set; }

    /// <summary>Keep the global model of every N-th committed round in <c>Output/model/checkpoints/</c>.</summary>
    public int CheckpointEvery { get; set; } = 1;
}
