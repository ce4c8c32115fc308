using FedHealth.Node.Policy;

namespace FedHealth.Cli.Commands.Node;

/// <summary><c>Node:Training</c>: how much local work one round may ask of this site.</summary>
internal sealed class NodeTrainingSection
{
    public const double DefaultMaxLocalTimeSeconds = 3600;

    public long MaxLocalSteps { get; set; } = NodePrivacyPolicy.DefaultMaxLocalSteps;

    /// <summary>The longest one round's local training may run here; training past it stops, and the round fails with that reason.</summary>
    public double MaxLocalTimeSeconds { get; set; } = DefaultMaxLocalTimeSeconds;
}
