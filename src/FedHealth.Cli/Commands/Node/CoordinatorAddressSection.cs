namespace FedHealth.Cli.Commands.Node;

/// <summary>How a node reaches the coordinator, and the id its certificate must carry.</summary>
internal sealed class CoordinatorAddressSection
{
    public string? Host { get; set; }

    public int Port { get; set; } = Coordinator.CoordinatorSection.DefaultPort;

    public string Id { get; set; } = "coordinator";
}
