namespace FedHealth.Core.Metrics;

/// <summary>
/// The calibration figures report.json releases for one histogram: Brier score, ECE with 10 and 15
/// bins, the recalibration slope and intercept, and the 10-bin reliability diagram.
/// </summary>
public sealed record CalibrationSummary(
    double Brier,
    double Ece10,
    double Ece15,
    RecalibrationFit Recalibration,
    IReadOnlyList<ReliabilityPoint> Reliability)
{
    public const int ReliabilityBins = 10;

    public static CalibrationSummary Of(ScoreHistogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        return new CalibrationSummary(
            Calibration.Brier(histogram),
            Calibration.ExpectedCalibrationError(histogram, 10),
            Calibration.ExpectedCalibrationError(histogram, 15),
            LogisticRecalibration.Fit(histogram),
            Calibration.ReliabilityDiagram(histogram, ReliabilityBins));
    }
}
