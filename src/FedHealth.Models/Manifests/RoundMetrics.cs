namespace FedHealth.Models.Manifests;

/// <summary>One round's training loss and pooled evaluation (null where not measured).</summary>
public sealed record RoundMetrics(int Round, double? TrainLoss, double? EvalLoss, double? EvalAccuracy, double? EvalAuc);
