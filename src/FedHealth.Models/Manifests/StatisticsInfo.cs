namespace FedHealth.Models.Manifests;

/// <summary>The value filling a gap in each encoded input, and each model input's mean and standard deviation.</summary>
public sealed record StatisticsInfo(
    IReadOnlyList<double> ImputationValues,
    IReadOnlyList<double> Means,
    IReadOnlyList<double> StandardDeviations);
