namespace FedHealth.Core.Metrics;

/// <summary>
/// One calibration bin of a reliability diagram: its score range [<paramref name="Lower"/>,
/// <paramref name="Upper"/>), the mean predicted probability of its examples (from the fine bins'
/// centres), the observed frequency of positives, and how many examples fell in it.
/// </summary>
public sealed record ReliabilityPoint(double Lower, double Upper, double MeanPredicted, double ObservedFrequency, long Count);
