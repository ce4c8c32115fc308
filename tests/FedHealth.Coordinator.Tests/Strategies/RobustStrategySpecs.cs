using FedHealth.Coordinator.Aggregation;
using FedHealth.Coordinator.Privacy;
using FedHealth.Coordinator.Strategies;
using FedHealth.Coordinator.Tests.Support;
using FedHealth.Core.Ids;
using FedHealth.Core.Options;
using FedHealth.Core.Strategy;
using FedHealth.Privacy.Sampling;

namespace FedHealth.Coordinator.Tests.Strategies;

public sealed class RobustStrategySpecs
{
    private static readonly RoundContext Round1 = new(new StudyId("s"), 1, 42, [Models.Site("a"), Models.Site("b"), Models.Site("c")]);
    private static readonly FedAvgOptions Options = new(Models.Config);

    private static readonly FitResult[] Results =
    [
        new(Models.Site("c"), Models.Weights(100, -100, 100), 1000, 9.0),
        new(Models.Site("a"), Models.Weights(1, 2, 3), 10, 1.0),
        new(Models.Site("b"), Models.Weights(2, 3, 4), 10, 1.0),
    ];

    [Fact]
    public void The_median_ignores_example_counts_that_a_bad_site_could_inflate()
    {
        var outcome = new RobustStrategy(Options, new CoordinateMedian()).AggregateFit(Round1, Models.Weights(0, 0, 0), Results, []);

        Assert.True(outcome.Updated);
        Assert.Equal([2f, 2f, 4f], outcome.Weights.Flat.ToArray());
    }

    [Fact]
    public void The_result_does_not_depend_on_the_order_the_results_arrived_in()
    {
        var krum = new RobustStrategy(Options, new Krum(0, multi: false));

        var one = krum.AggregateFit(Round1, Models.Weights(0, 0, 0), Results, []);
        var other = krum.AggregateFit(Round1, Models.Weights(0, 0, 0), Results.Reverse().ToList(), []);

        Assert.Equal(one.Weights, other.Weights);
    }

    [Fact]
    public void No_results_keep_the_current_model()
    {
        var global = Models.Weights(7, 8, 9);

        var outcome = new RobustStrategy(Options, new CoordinateMedian()).AggregateFit(Round1, global, [], []);

        Assert.False(outcome.Updated);
        Assert.Same(global, outcome.Weights);
    }

    [Fact]
    public void A_model_of_another_layout_is_refused_naming_the_site()
    {
        FitResult[] results = [.. Results, new(Models.Site("d"), Models.Weights(1, 2), 10, 1.0)];

        var error = Assert.Throws<ArgumentException>(() =>
            new RobustStrategy(Options, new CoordinateMedian()).AggregateFit(Round1, Models.Weights(0, 0, 0), results, []));

        Assert.Contains("site d", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Site_level_dp_refuses_to_wrap_it_because_it_would_replace_the_noised_mean()
    {
        var privacy = new PrivacyOptions { Mode = DpMode.Site, SiteNoiseMultiplier = 1, SiteClip = 1 };

        var error = Assert.Throws<ArgumentException>(() =>
            new DifferentialPrivacyStrategy(new RobustStrategy(Options, new CoordinateMedian()), privacy, () => new OsRandomSource()));

        Assert.Contains("median does not aggregate from a mean", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_level_dp_composes_and_still_combines_the_individual_models()
    {
        var privacy = new PrivacyOptions { Mode = DpMode.Record, RecordNoiseMultiplier = 1, RecordSamplingRate = 0.1 };
        var strategy = new DifferentialPrivacyStrategy(new RobustStrategy(Options, new CoordinateMedian()), privacy, () => new OsRandomSource());

        var outcome = strategy.AggregateFit(Round1, Models.Weights(0, 0, 0), Results, []);

        Assert.Equal([2f, 2f, 4f], outcome.Weights.Flat.ToArray());
        Assert.NotNull(strategy.ConfigureFit(Round1, Models.Weights(0, 0, 0)).Config.RecordDp);
    }
}
