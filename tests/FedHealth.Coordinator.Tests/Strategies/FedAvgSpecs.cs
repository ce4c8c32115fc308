using FedHealth.Coordinator.Strategies;
using FedHealth.Coordinator.Tests.Support;
using FedHealth.Core.Ids;
using FedHealth.Core.Strategy;

namespace FedHealth.Coordinator.Tests.Strategies;

public sealed class FedAvgSpecs
{
    private static readonly RoundContext Round1 = new(new StudyId("s"), 1, 42, [Models.Site("a"), Models.Site("b"), Models.Site("c")]);
    private readonly FedAvg _fedAvg = new(new FedAvgOptions(Models.Config));

    [Fact]
    public void Aggregate_is_the_mean_weighted_by_example_count()
    {
        var results = new[]
        {
            new FitResult(Models.Site("a"), Models.Weights(1, 2, 3), 10, 1.0),
            new FitResult(Models.Site("b"), Models.Weights(4, 5, 6), 30, 3.0),
        };

        var outcome = _fedAvg.AggregateFit(Round1, Models.Weights(0, 0, 0), results, []);

        Assert.True(outcome.Updated);
        Assert.Equal([3.25f, 4.25f, 5.25f], outcome.Weights.Flat.ToArray());
        Assert.Equal(2.5, outcome.TrainLoss, 10);
    }

    [Fact]
    public void Failures_do_not_change_the_aggregate()
    {
        var results = new[] { new FitResult(Models.Site("a"), Models.Weights(1, 2, 3), 10, 1.0) };
        var failures = new[] { new SiteFailure(Models.Site("b"), "Fit", "timed out") };

        var outcome = _fedAvg.AggregateFit(Round1, Models.Weights(0, 0, 0), results, failures);

        Assert.Equal([1f, 2f, 3f], outcome.Weights.Flat.ToArray());
    }

    [Fact]
    public void No_results_keep_the_current_model()
    {
        var global = Models.Weights(7, 8, 9);

        var outcome = _fedAvg.AggregateFit(Round1, global, [], [new SiteFailure(Models.Site("a"), "Fit", "node terminated")]);

        Assert.False(outcome.Updated);
        Assert.Same(global, outcome.Weights);
    }

    [Fact]
    public void Models_of_different_layouts_are_refused()
    {
        var results = new[]
        {
            new FitResult(Models.Site("a"), Models.Weights(1, 2, 3), 10, 1.0),
            new FitResult(Models.Site("b"), Models.Weights(1, 2), 10, 1.0),
        };

        Assert.Throws<ArgumentException>(() => _fedAvg.AggregateFit(Round1, Models.Weights(0, 0, 0), results, []));
    }

    [Fact]
    public void Configure_fit_samples_at_least_the_minimum_and_is_reproducible()
    {
        var strategy = new FedAvg(new FedAvgOptions(Models.Config, FractionFit: 0.1, MinFitSites: 2));

        var first = strategy.ConfigureFit(Round1, Models.Weights(0, 0, 0));
        var again = strategy.ConfigureFit(Round1, Models.Weights(0, 0, 0));

        Assert.Equal(2, first.Sites.Count);
        Assert.Equal(first.Sites, again.Sites);
        Assert.NotEqual(Models.Config.Seed, first.Config.Seed);
    }

    [Fact]
    public void Evaluation_pools_by_example_count_and_averages_sites_unweighted()
    {
        var results = new[]
        {
            new EvaluateResult(Models.Site("a"), Models.Evaluation(10, 0.9)),
            new EvaluateResult(Models.Site("b"), Models.Evaluation(30, 0.5)),
        };

        var outcome = _fedAvg.AggregateEvaluate(Round1, results, []);

        Assert.Equal(0.6, outcome.Accuracy, 10);
        Assert.Equal(0.7, outcome.MeanSiteAccuracy, 10);
        Assert.Equal(1.0, outcome.Auc, 10);
        Assert.Equal(2, outcome.PerSite.Count);
    }
}
