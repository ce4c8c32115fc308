using FedHealth.Core.Weights;

namespace FedHealth.Core.Training;

/// <summary>What local training produced: the new local weights and how they were obtained.</summary>
public sealed record FitOutcome(ModelWeights Weights, int NumExamples, double TrainLoss, int Steps);
