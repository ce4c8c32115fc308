using System.Text.Json.Nodes;

namespace FedHealth.Models.Manifests;

/// <summary>
/// Everything needed to use, trust and trace one saved model (docs/models.md). Serialised as
/// snake_case JSON beside the weights; <see cref="Id"/> is the weights' SHA-256
/// (<see cref="Core.Weights.ModelWeights.ContentHash"/>), the hash report.json prints.
/// </summary>
public sealed record ModelManifest
{
    /// <summary>The manifest format this code writes and reads; a newer one is refused.</summary>
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required string Id { get; init; }

    /// <summary>The file holding the weights, relative to the manifest.</summary>
    public required string WeightsFile { get; init; }

    public required string Study { get; init; }

    public required string Status { get; init; }

    public required DateTimeOffset CreatedUtc { get; init; }

    public required ArchitectureInfo Architecture { get; init; }

    public required FeatureInfo Features { get; init; }

    public required PreprocessingInfo Preprocessing { get; init; }

    public required string Label { get; init; }

    /// <summary>A row is predicted positive when its probability is at least this.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>The study's configuration, as report.json's <c>config</c>.</summary>
    public required JsonObject Training { get; init; }

    /// <summary>The assembly informational version of the code that trained it (with the git commit).</summary>
    public required string CodeVersion { get; init; }

    /// <summary>SHA-256 of the label and the feature columns with their levels: equal schemas, equal hashes.</summary>
    public required string SchemaHash { get; init; }

    /// <summary>The sites whose updates went into at least one committed round.</summary>
    public required IReadOnlyList<string> Sites { get; init; }

    /// <summary>Lineage: every round's model hash with its parent's, from the first round to this model.</summary>
    public required IReadOnlyList<RoundLineage> Rounds { get; init; }

    public required bool SecureAggregation { get; init; }

    public required PrivacyInfo Privacy { get; init; }

    /// <summary>The final evaluation as report.json's <c>final</c>; null when the study never evaluated.</summary>
    public JsonObject? Evaluation { get; init; }

    /// <summary>Fairness across sites as report.json's <c>fairness</c> (worst, best and gap of accuracy and AUC); null when the study never evaluated.</summary>
    public JsonObject? Fairness { get; init; }

    /// <summary>Per round: train loss and evaluation, as report.json's <c>rounds</c> (for the learning curve).</summary>
    public IReadOnlyList<RoundMetrics> History { get; init; } = [];

    /// <summary>The pooled score histogram of the final evaluation (for the ROC curve); null without one.</summary>
    public HistogramInfo? Histogram { get; init; }

    /// <summary>
    /// Federated permutation importance of the final model, per input in the order of
    /// <see cref="FeatureInfo.Outputs"/>: only the sum over the sites was released. Null when the
    /// study's last round did not evaluate (or a site could not measure it).
    /// </summary>
    public IReadOnlyList<FeatureImportanceInfo>? PermutationImportance { get; init; }
}
