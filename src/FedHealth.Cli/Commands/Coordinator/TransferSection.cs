namespace FedHealth.Cli.Commands.Coordinator;

/// <summary>
/// The coordinator's mutual-TLS transfer channel for large models: where it listens (same host as
/// Akka.Remote) and from which serialized size a model goes over it instead of inside a message.
/// </summary>
internal sealed class TransferSection
{
    public const int DefaultPort = 7410;

    public int Port { get; set; } = DefaultPort;

    public long ThresholdBytes { get; set; } = 8L << 20;
}
