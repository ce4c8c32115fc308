namespace FedHealth.Cli.Commands.Node;

/// <summary>From which serialized size a node's reply (its update or masked input) is uploaded over the coordinator's transfer channel instead of sent inside a message.</summary>
internal sealed class NodeTransferSection
{
    public long ThresholdBytes { get; set; } = 8L << 20;
}
