using FedHealth.Coordinator.Aggregation;
using FedHealth.Coordinator.Tests.Support;
using FedHealth.Core.Metrics;
using FedHealth.Core.Strategy;
using FedHealth.Core.Training;

namespace FedHealth.Coordinator.Tests.Aggregation;

public sealed class SiteFairnessSpecs
{
    [Fact]
    public void The_worst_and_best_sites_and_their_gaps_come_from_the_released_sites()
    {
        var summary = SiteFairness.Of([Result("b", 40, 0.70, 0.80), Result("a", 20, 0.90, 0.75), Result("c", 30, 0.80, 0.95)]);

        Assert.Equal(["a", "b", "c"], summary.Sites.Select(s => s.Site.Value));
        Assert.Equal(("b", "a"), (summary.Accuracy!.Worst.Value, summary.Accuracy.Best.Value));
        Assert.Equal(0.20, summary.Accuracy.Gap, 12);
        Assert.Equal(("a", "c"), (summary.Auc!.Worst.Value, summary.Auc.Best.Value));
        Assert.Equal(0.20, summary.Auc.Gap, 12);
        Assert.Empty(summary.Suppressed);
    }

    [Fact]
    public void A_site_below_the_minimum_count_is_named_as_suppressed_and_left_out_of_the_gaps()
    {
        var summary = SiteFairness.Of([Result("big", 50, 0.80, 0.9), Result("other", 10, 0.75, 0.85), Result("tiny", 9, 0.10, 0.2)]);

        Assert.Equal(["tiny"], summary.Suppressed.Select(s => s.Value));
        Assert.DoesNotContain(summary.Sites, s => s.Site.Value == "tiny");
        Assert.Equal(0.05, summary.Accuracy!.Gap, 12);
        Assert.Equal(SiteFairness.DefaultMinimumCount, summary.MinimumCount);
    }

    [Fact]
    public void Each_sites_ece_comes_from_its_own_histogram()
    {
        // Ten patients at 0.05 (fine-bin centre 0.0505), three of them positive: |0.3 − 0.0505|.
        var histogram = ScoreHistogram.From(Enumerable.Repeat(0.05f, 10).ToArray(), [1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
        var summary = SiteFairness.Of([new EvaluateResult(Models.Site("a"), new EvaluationOutcome(10, 0.6, 0.7, double.NaN, histogram))]);

        Assert.Equal(0.3 - 0.0505, summary.Sites[0].Ece10, 12);
    }

    [Fact]
    public void Sites_without_an_auc_are_left_out_of_the_auc_gap()
    {
        var summary = SiteFairness.Of([Result("a", 20, 0.8, double.NaN), Result("b", 20, 0.7, 0.9)]);

        Assert.Equal(("b", "b"), (summary.Auc!.Worst.Value, summary.Auc.Best.Value));
        Assert.Equal(0, summary.Auc.Gap);
    }

    [Fact]
    public void With_every_site_suppressed_there_is_no_comparison()
    {
        var summary = SiteFairness.Of([Result("a", 3, 0.8, 0.9)]);

        Assert.Null(summary.Accuracy);
        Assert.Null(summary.Auc);
        Assert.Equal(["a"], summary.Suppressed.Select(s => s.Value));
    }

    private static EvaluateResult Result(string site, int n, double accuracy, double auc) =>
        new(Models.Site(site), new EvaluationOutcome(n, 0.5, accuracy, auc, ScoreHistogram.From([0.2f, 0.8f], [0, 1])));
}
