using FedHealth.Core.Metrics;

namespace FedHealth.Core.Tests.Metrics;

public sealed class BinaryMetricsSpecs
{
    [Fact]
    public void Auc_counts_ties_as_one_half()
    {
        float[] scores = [0.1f, 0.4f, 0.4f, 0.8f];
        int[] labels = [0, 0, 1, 1];

        Assert.Equal(0.875, BinaryMetrics.Auc(scores, labels), 12);
    }

    [Fact]
    public void Auc_is_undefined_with_one_class() =>
        Assert.True(double.IsNaN(BinaryMetrics.Auc([0.2f, 0.9f], [1, 1])));

    [Fact]
    public void Accuracy_thresholds_at_one_half() =>
        Assert.Equal(0.75, BinaryMetrics.Accuracy([0.5f, 0.49f, 0.9f, 0.1f], [1, 1, 1, 0]), 12);

    [Fact]
    public void The_histogram_auc_matches_the_exact_auc_when_scores_fall_in_distinct_bins()
    {
        var random = new Random(3);
        var scores = Enumerable.Range(0, 300).Select(_ => (float)random.NextDouble()).ToArray();
        var labels = scores.Select(s => random.NextDouble() < s ? 1 : 0).ToArray();

        var histogram = ScoreHistogram.From(scores, labels);

        Assert.Equal(BinaryMetrics.Auc(scores, labels), histogram.Auc(), 2);
        Assert.Equal(BinaryMetrics.Accuracy(scores, labels), histogram.AccuracyAtHalf(), 12);
    }

    [Fact]
    public void Summed_site_histograms_give_the_pooled_auc()
    {
        float[] a = [0.1f, 0.7f, 0.35f];
        int[] la = [0, 1, 1];
        float[] b = [0.2f, 0.9f, 0.65f, 0.05f];
        int[] lb = [1, 1, 0, 0];

        var pooled = ScoreHistogram.From(a, la).Add(ScoreHistogram.From(b, lb));

        Assert.Equal(BinaryMetrics.Auc([.. a, .. b], [.. la, .. lb]), pooled.Auc(), 12);
    }

    [Fact]
    public void Log_loss_is_finite_for_confident_mistakes() =>
        Assert.True(double.IsFinite(BinaryMetrics.LogLoss([0f, 1f], [1, 0])));
}
