namespace FedHealth.Models.Manifests;

/// <summary>One round's training loss and pooled evaluation, and the privacy spent up to it (null where not measured).</summary>
public sealed record RoundMetrics(
    int Round, double? TrainLoss, double? EvalLoss, double? EvalAccuracy, double? EvalAuc, double? EpsilonRecord = null, double? EpsilonSite = null);
