namespace FedHealth.Models.Figures;

/// <summary>
/// The ROC curve from a summed score histogram: thresholds at the bin edges, from above the top
/// bin down to 0, so no per-patient score is needed. Its trapezoid area equals the histogram's AUC
/// (pairs in one bin count one half).
/// </summary>
public static class RocCurve
{
    public static IReadOnlyList<RocPoint> FromHistogram(IReadOnlyList<long> positives, IReadOnlyList<long> negatives)
    {
        ArgumentNullException.ThrowIfNull(positives);
        ArgumentNullException.ThrowIfNull(negatives);
        if (positives.Count != negatives.Count)
        {
            throw new ArgumentException("The histograms differ in bins.", nameof(negatives));
        }

        double totalPositives = positives.Sum(), totalNegatives = negatives.Sum();
        if (totalPositives == 0 || totalNegatives == 0)
        {
            throw new ArgumentException("An ROC curve needs both classes.", nameof(positives));
        }

        var points = new List<RocPoint> { new(0, 0) };
        double tp = 0, fp = 0;
        for (var bin = positives.Count - 1; bin >= 0; bin--)
        {
            if (positives[bin] == 0 && negatives[bin] == 0)
            {
                continue;
            }

            tp += positives[bin];
            fp += negatives[bin];
            points.Add(new RocPoint(fp / totalNegatives, tp / totalPositives));
        }

        return points;
    }

    /// <summary>The trapezoid area under <paramref name="points"/>.</summary>
    public static double Area(IReadOnlyList<RocPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        double area = 0;
        for (var i = 1; i < points.Count; i++)
        {
            area += (points[i].FalsePositiveRate - points[i - 1].FalsePositiveRate) *
                    (points[i].TruePositiveRate + points[i - 1].TruePositiveRate) / 2;
        }

        return area;
    }
}
