using FedHealth.Core.Weights;

namespace FedHealth.Core.Strategy;

/// <summary>The next global model (unchanged when nothing could be aggregated) and round metrics.</summary>
public sealed record AggregateFitOutcome(ModelWeights Weights, bool Updated, double TrainLoss);
