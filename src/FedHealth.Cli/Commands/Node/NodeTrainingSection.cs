using FedHealth.Node.Policy;

namespace FedHealth.Cli.Commands.Node;

/// <summary><c>Node:Training</c>: how much local work one round may ask of this site.</summary>
internal sealed class NodeTrainingSection
{
    public long MaxLocalSteps { get; set; } = NodePrivacyPolicy.DefaultMaxLocalSteps;
}
