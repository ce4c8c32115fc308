using FedHealth.Core.Metrics;
using FedHealth.Models.Figures;

namespace FedHealth.Models.Tests.Figures;

public sealed class RocCurveTests
{
    [Fact]
    public void The_curve_runs_from_0_0_to_1_1_and_its_area_is_the_histogram_auc()
    {
        var random = new Random(7);
        var scores = Enumerable.Range(0, 500).Select(_ => (float)random.NextDouble()).ToArray();
        var labels = scores.Select(s => random.NextDouble() < s ? 1 : 0).ToArray();
        var histogram = ScoreHistogram.From(scores, labels, bins: 50);

        var curve = RocCurve.FromHistogram(histogram.Positives, histogram.Negatives);

        Assert.Equal(new RocPoint(0, 0), curve[0]);
        Assert.Equal(new RocPoint(1, 1), curve[^1]);
        Assert.Equal(histogram.Auc(), RocCurve.Area(curve), 1e-12);
    }

    [Fact]
    public void A_histogram_with_one_class_has_no_curve()
    {
        Assert.Throws<ArgumentException>(() => RocCurve.FromHistogram([1, 2], [0, 0]));
    }
}
