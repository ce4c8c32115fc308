using FedHealth.Node.Policy;

namespace FedHealth.Cli.Commands.Node;

/// <summary>
/// <c>Node:Privacy</c>: the site's own privacy policy, enforced on every training instruction
/// whatever the coordinator's ledger says (docs/configuration.md).
/// </summary>
internal sealed class NodePrivacySection
{
    /// <summary>The total ε this site accepts across all studies; null for no limit.</summary>
    public double? MaxEpsilon { get; set; }

    /// <summary>The ε this site accepts in one study; null for no limit.</summary>
    public double? MaxEpsilonPerStudy { get; set; }

    /// <summary>The δ at which the site converts its ledger to ε (instructions carry no δ of their own).</summary>
    public double MaxDelta { get; set; } = NodePrivacyPolicy.DefaultDelta;

    /// <summary>Refuse training without DP-SGD.</summary>
    public bool RequireDp { get; set; }

    /// <summary>Refuse a plain round: the site's update is only ever sent masked.</summary>
    public bool RequireSecureAggregation { get; set; } = true;

    /// <summary>The studies this site takes part in; instructions for any other are refused. Empty: any study.</summary>
    public string[] Studies { get; set; } = [];

    /// <summary>How often the same round of a study may be trained (each time charged); a replay beyond it is refused.</summary>
    public int MaxAttemptsPerRound { get; set; } = NodePrivacyPolicy.DefaultMaxAttemptsPerRound;
}
