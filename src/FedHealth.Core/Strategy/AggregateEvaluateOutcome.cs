using FedHealth.Core.Ids;
using FedHealth.Core.Metrics;

namespace FedHealth.Core.Strategy;

/// <summary>
/// Federated evaluation of one global model: example-weighted loss and accuracy, the pooled AUC
/// from summed score histograms, and each site's own figures.
/// </summary>
public sealed record AggregateEvaluateOutcome(
    double Loss,
    double Accuracy,
    double Auc,
    double MeanSiteAccuracy,
    ScoreHistogram PooledHistogram,
    IReadOnlyList<EvaluateResult> PerSite)
{
    /// <summary>
    /// Pooled permutation importance: per model input, the mean loss increase over every site's test
    /// rows when that input is permuted (the sites' summed increases over the pooled examples); null
    /// unless every scored site measured it.
    /// </summary>
    public IReadOnlyList<double>? PermutationImportance { get; init; }
}
