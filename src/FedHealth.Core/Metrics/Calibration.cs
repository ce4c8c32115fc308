namespace FedHealth.Core.Metrics;

/// <summary>
/// Calibration figures from a per-label <see cref="ScoreHistogram"/> (counts only, no score).
/// Every example is represented by the centre of its fine bin, so a prediction is off by at most
/// half a fine bin, 1/(2·bins) (0.0005 with 1,000 bins).
/// </summary>
public static class Calibration
{
    /// <summary>
    /// Mean squared difference between the bin centre and the label. Each prediction is off by at
    /// most 1/(2·bins), so each squared error, and the Brier score, by at most 1/bins
    /// (|(p−y)² − (c−y)²| = |p−c|·|p+c−2y| ≤ 1/(2·bins) · 2). NaN for an empty histogram.
    /// </summary>
    public static double Brier(ScoreHistogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        double sum = 0, total = 0;
        for (var i = 0; i < histogram.Bins; i++)
        {
            var centre = Centre(i, histogram.Bins);
            sum += (histogram.Positives[i] * (1 - centre) * (1 - centre)) + (histogram.Negatives[i] * centre * centre);
            total += histogram.Positives[i] + histogram.Negatives[i];
        }

        return total == 0 ? double.NaN : sum / total;
    }

    /// <summary>
    /// Expected calibration error over <paramref name="bins"/> equal-width calibration bins:
    /// Σ (nₘ/N)·|observedₘ − mean predictedₘ|. When <paramref name="bins"/> divides the histogram's
    /// bins (10 of 1,000) every fine bin lies in one calibration bin, the grouping equals the
    /// per-example one and the ECE is within 1/(2·bins of the histogram) of the exact value. Otherwise
    /// (15 of 1,000) a fine bin that straddles a calibration edge goes wholly to the calibration bin
    /// holding its centre (<see cref="CalibrationBinOf"/>); only examples in those fine bins may be
    /// grouped differently from an exact computation. NaN for an empty histogram.
    /// </summary>
    public static double ExpectedCalibrationError(ScoreHistogram histogram, int bins)
    {
        var points = ReliabilityDiagram(histogram, bins);
        double total = points.Sum(p => p.Count);
        return total == 0 ? double.NaN : points.Sum(p => p.Count / total * Math.Abs(p.ObservedFrequency - p.MeanPredicted));
    }

    /// <summary>The non-empty calibration bins of <paramref name="bins"/> equal-width bins over [0, 1], in order.</summary>
    public static IReadOnlyList<ReliabilityPoint> ReliabilityDiagram(ScoreHistogram histogram, int bins)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (bins < 1 || bins > histogram.Bins)
        {
            throw new ArgumentOutOfRangeException(nameof(bins), bins, $"Calibration bins must be between 1 and the histogram's {histogram.Bins} bins.");
        }

        var positives = new long[bins];
        var counts = new long[bins];
        var predicted = new double[bins];
        for (var i = 0; i < histogram.Bins; i++)
        {
            var n = histogram.Positives[i] + histogram.Negatives[i];
            var bin = CalibrationBinOf(i, histogram.Bins, bins);
            positives[bin] += histogram.Positives[i];
            counts[bin] += n;
            predicted[bin] += n * Centre(i, histogram.Bins);
        }

        var points = new List<ReliabilityPoint>();
        for (var b = 0; b < bins; b++)
        {
            if (counts[b] > 0)
            {
                points.Add(new ReliabilityPoint((double)b / bins, (double)(b + 1) / bins, predicted[b] / counts[b], (double)positives[b] / counts[b], counts[b]));
            }
        }

        return points;
    }

    /// <summary>The calibration bin that holds the centre of fine bin <paramref name="fineBin"/> of <paramref name="fineBins"/>.</summary>
    public static int CalibrationBinOf(int fineBin, int fineBins, int bins)
    {
        // Integer form of floor(centre · bins) with centre = (2·fineBin + 1) / (2·fineBins): no rounding at the edges.
        var bin = (int)(((2L * fineBin) + 1) * bins / (2L * fineBins));
        return Math.Min(bin, bins - 1);
    }

    /// <summary>The centre of fine bin <paramref name="bin"/> of <paramref name="bins"/> over [0, 1].</summary>
    public static double Centre(int bin, int bins) => (bin + 0.5) / bins;
}
