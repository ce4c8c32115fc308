using FedHealth.Core.Metrics;

namespace FedHealth.Core.Tests.Metrics;

public sealed class CalibrationSpecs
{
    private const double HalfBin = 1.0 / (2 * ScoreHistogram.DefaultBins);

    [Fact]
    public void Brier_of_a_hand_computed_histogram_uses_the_bin_centres()
    {
        // 10 bins: a positive in bin 8 (centre 0.85), a negative in bin 1 (0.15), a positive in bin 2 (0.25).
        var histogram = ScoreHistogram.From([0.81f, 0.12f, 0.29f], [1, 0, 1], bins: 10);

        // (0.15² + 0.15² + 0.75²) / 3
        Assert.Equal((0.0225 + 0.0225 + 0.5625) / 3, Calibration.Brier(histogram), 12);
    }

    [Fact]
    public void Brier_from_the_histogram_is_within_one_bin_width_of_the_per_example_score()
    {
        var (scores, labels) = Synthetic(seed: 5, count: 2_000);

        var exact = scores.Zip(labels, (p, y) => (p - y) * (double)(p - y)).Average();

        Assert.InRange(Calibration.Brier(ScoreHistogram.From(scores, labels)), exact - (2 * HalfBin), exact + (2 * HalfBin));
    }

    [Fact]
    public void Ece_of_a_hand_computed_histogram_weighs_each_bins_gap_by_its_count()
    {
        // 10 bins. Bin 1: three negatives at centre 0.15 and one positive → observed 0.25, predicted 0.15.
        // Bin 9: two positives at centre 0.95 → observed 1, predicted 0.95.
        var histogram = ScoreHistogram.From([0.1f, 0.1f, 0.1f, 0.1f, 0.9f, 0.9f], [0, 0, 0, 1, 1, 1], bins: 100);

        // Fine bins of 100 → centres 0.105 and 0.905; 4/6 · |0.25 − 0.105| + 2/6 · |1 − 0.905|
        Assert.Equal((4.0 / 6 * 0.145) + (2.0 / 6 * 0.095), Calibration.ExpectedCalibrationError(histogram, 10), 12);
    }

    [Fact]
    public void Ece_with_ten_bins_is_within_half_a_fine_bin_of_the_per_example_ece()
    {
        var (scores, labels) = Synthetic(seed: 7, count: 3_000);

        var exact = ExactEce(scores, labels, 10);

        Assert.InRange(Calibration.ExpectedCalibrationError(ScoreHistogram.From(scores, labels), 10), exact - HalfBin, exact + HalfBin);
    }

    [Fact]
    public void Ece_with_fifteen_bins_is_within_half_a_fine_bin_when_no_score_straddles_an_edge()
    {
        var (all, allLabels) = Synthetic(seed: 11, count: 3_000);
        var keep = Enumerable.Range(0, all.Length).Where(i => !InStraddlingFineBin(all[i], 15)).ToArray();
        var scores = keep.Select(i => all[i]).ToArray();
        var labels = keep.Select(i => allLabels[i]).ToArray();

        var exact = ExactEce(scores, labels, 15);

        Assert.InRange(Calibration.ExpectedCalibrationError(ScoreHistogram.From(scores, labels), 15), exact - HalfBin, exact + HalfBin);
    }

    [Fact]
    public void A_fine_bin_straddling_a_fifteen_bin_edge_goes_to_the_bin_of_its_centre()
    {
        // The edge 1/15 = 0.0667 lies inside fine bin 66 ([0.066, 0.067), centre 0.0665): bin 0.
        Assert.Equal(0, Calibration.CalibrationBinOf(66, 1000, 15));

        // The edge 2/15 = 0.1333 lies inside fine bin 133 ([0.133, 0.134), centre 0.1335): bin 2.
        Assert.Equal(2, Calibration.CalibrationBinOf(133, 1000, 15));

        // 3/15 = 0.2 is a fine edge: fine bin 200 starts calibration bin 3.
        Assert.Equal(3, Calibration.CalibrationBinOf(200, 1000, 15));
        Assert.Equal(2, Calibration.CalibrationBinOf(199, 1000, 15));
    }

    [Fact]
    public void Ten_calibration_bins_are_exactly_a_hundred_fine_bins_each()
    {
        Assert.All(Enumerable.Range(0, 1000), fine => Assert.Equal(fine / 100, Calibration.CalibrationBinOf(fine, 1000, 10)));
    }

    [Fact]
    public void The_reliability_diagram_lists_only_non_empty_bins_with_their_counts()
    {
        var histogram = ScoreHistogram.From([0.05f, 0.06f, 0.72f], [0, 1, 1]);

        var points = Calibration.ReliabilityDiagram(histogram, 10);

        Assert.Equal(2, points.Count);
        Assert.Equal(new ReliabilityPoint(0, 0.1, 0.0555, 0.5, 2), points[0] with { MeanPredicted = Math.Round(points[0].MeanPredicted, 12) });
        Assert.Equal(0.7, points[1].Lower, 12);
        Assert.Equal(0.7205, points[1].MeanPredicted, 12);
        Assert.Equal(1.0, points[1].ObservedFrequency);
        Assert.Equal(1, points[1].Count);
    }

    [Fact]
    public void Empty_histograms_have_no_calibration()
    {
        Assert.True(double.IsNaN(Calibration.Brier(ScoreHistogram.Empty())));
        Assert.True(double.IsNaN(Calibration.ExpectedCalibrationError(ScoreHistogram.Empty(), 10)));
    }

    [Fact]
    public void More_calibration_bins_than_fine_bins_are_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Calibration.ReliabilityDiagram(ScoreHistogram.Empty(10), 15));

        Assert.Contains("10 bins", error.Message, StringComparison.Ordinal);
    }

    internal static (float[] Scores, int[] Labels) Synthetic(int seed, int count)
    {
        // Over-confident scores: the truth is σ(logit(p) / 2), so the ECE is far from zero.
        var random = new Random(seed);
        var scores = Enumerable.Range(0, count).Select(_ => (float)random.NextDouble()).ToArray();
        var labels = scores.Select(s => random.NextDouble() < 1 / (1 + Math.Sqrt((1 - s) / s)) ? 1 : 0).ToArray();
        return (scores, labels);
    }

    // The reference: each example in the calibration bin of its own score, with its own score.
    private static double ExactEce(float[] scores, int[] labels, int bins)
    {
        var groups = scores.Select((p, i) => (Bin: Math.Min((int)(p * (double)bins), bins - 1), P: (double)p, Y: labels[i])).GroupBy(e => e.Bin);
        return groups.Sum(g => g.Count() / (double)scores.Length * Math.Abs(g.Average(e => e.Y) - g.Average(e => e.P)));
    }

    private static bool InStraddlingFineBin(float score, int bins)
    {
        var fine = Math.Min((int)(score * 1000), 999);
        var lower = Math.Min((int)(fine / 1000.0 * bins), bins - 1);
        var upper = Math.Min((int)((fine + 1) / 1000.0 * bins - 1e-12), bins - 1);
        return lower != upper;
    }
}
