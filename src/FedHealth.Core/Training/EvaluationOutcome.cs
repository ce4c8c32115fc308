using FedHealth.Core.Metrics;
using MessagePack;

namespace FedHealth.Core.Training;

/// <summary>
/// Metrics of a model on one site's test rows. The score histogram (counts only, no rows) lets the
/// coordinator compute a pooled AUC without seeing any patient's prediction. <c>LossIncreases</c>
/// (only when asked): per input, the summed loss increase when it is permuted, for the pooled
/// permutation importance; a sum like the histogram, never one row's figure.
/// </summary>
[MessagePackObject]
public sealed record EvaluationOutcome(
    [property: Key(0)] int NumExamples,
    [property: Key(1)] double Loss,
    [property: Key(2)] double Accuracy,
    [property: Key(3)] double Auc,
    [property: Key(4)] ScoreHistogram Histogram,
    [property: Key(5)] IReadOnlyList<double>? LossIncreases = null);
