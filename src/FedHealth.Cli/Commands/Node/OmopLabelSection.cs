namespace FedHealth.Cli.Commands.Node;

/// <summary><c>Node:Data:Omop:Label</c>: the outcome's name and its condition concept ids (any time).</summary>
internal sealed class OmopLabelSection
{
    public string? Name { get; set; }

    public List<int> Concepts { get; set; } = [];
}
