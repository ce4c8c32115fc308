using FedHealth.Core.Training;

namespace FedHealth.Coordinator.Strategies;

/// <summary>Sampling and local-training settings of <see cref="FedAvg"/>.</summary>
public sealed record FedAvgOptions(
    FitConfig Fit,
    double FractionFit = 1.0,
    int MinFitSites = 1,
    double FractionEvaluate = 1.0,
    int MinEvaluateSites = 1);
