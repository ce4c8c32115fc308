namespace FedHealth.Models.Manifests;

/// <summary>The summed score histogram of the final evaluation: counts per equal-width score bin over [0, 1].</summary>
public sealed record HistogramInfo(IReadOnlyList<long> Positives, IReadOnlyList<long> Negatives);
