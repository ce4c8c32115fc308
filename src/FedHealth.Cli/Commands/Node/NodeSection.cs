using FedHealth.Cli.Commands.Services;

namespace FedHealth.Cli.Commands.Node;

/// <summary>A hospital's node: its site id, the coordinator, where it listens, its certificate, its data, its own privacy policy and where it keeps its state.</summary>
internal sealed class NodeSection
{
    public string? SiteId { get; set; }

    public CoordinatorAddressSection Coordinator { get; set; } = new();

    public EndpointSection Bind { get; set; } = new();

    public TlsSection Tls { get; set; } = new();

    /// <summary>The monitoring endpoint (<c>/metrics</c>, <c>/healthz</c>, <c>/readyz</c>); off unless its port is set.</summary>
    public MetricsSection Metrics { get; set; } = new();

    /// <summary>The web console (docs/console.md); off unless its URL is set.</summary>
    public ConsoleSection Console { get; set; } = new();

    public DataSection Data { get; set; } = new();

    public NodeTransferSection Transfer { get; set; } = new();

    public NodePrivacySection Privacy { get; set; } = new();

    public NodeTrainingSection Training { get; set; } = new();

    public NodeStateSection State { get; set; } = new();
}
