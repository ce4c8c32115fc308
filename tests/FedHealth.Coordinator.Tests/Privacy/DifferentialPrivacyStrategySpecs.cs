using FedHealth.Coordinator.Privacy;
using FedHealth.Coordinator.Strategies;
using FedHealth.Coordinator.Tests.Support;
using FedHealth.Core.Ids;
using FedHealth.Core.Options;
using FedHealth.Core.Strategy;
using FedHealth.Privacy.Clipping;
using FedHealth.Privacy.Sampling;

namespace FedHealth.Coordinator.Tests.Privacy;

public sealed class DifferentialPrivacyStrategySpecs
{
    private static readonly RoundContext Round1 = new(new StudyId("s"), 1, 42, [Models.Site("a"), Models.Site("b")]);
    private static readonly FedAvg Inner = new(new FedAvgOptions(Models.Config));

    [Fact]
    public void Record_level_dp_asks_every_site_for_dp_sgd_with_the_calibrated_noise()
    {
        var options = new PrivacyOptions { Mode = DpMode.Record, RecordNoiseMultiplier = 1.3, RecordClip = 0.5, RecordSamplingRate = 0.02 };
        var strategy = new DifferentialPrivacyStrategy(Inner, options, () => new OsRandomSource());

        var plan = strategy.ConfigureFit(Round1, Models.Weights(0, 0, 0));

        Assert.Equal(new(1.3, 0.5, 0.02), plan.Config.RecordDp);
    }

    [Fact]
    public void Record_level_dp_does_not_weight_by_the_unprotected_example_counts()
    {
        var options = new PrivacyOptions { Mode = DpMode.Record, RecordNoiseMultiplier = 1, RecordSamplingRate = 0.1 };
        var strategy = new DifferentialPrivacyStrategy(Inner, options, () => new OsRandomSource());
        var results = new[]
        {
            new FitResult(Models.Site("a"), Models.Weights(0, 0, 0), 1000, double.NaN),
            new FitResult(Models.Site("b"), Models.Weights(2, 2, 2), 10, double.NaN),
        };

        var outcome = strategy.AggregateFit(Round1, Models.Weights(0, 0, 0), results, []);

        Assert.Equal([1f, 1f, 1f], outcome.Weights.Flat.ToArray());
    }

    [Fact]
    public void Site_level_dp_bounds_any_one_site_influence_by_the_clip_over_the_planned_sites()
    {
        var options = new PrivacyOptions { Mode = DpMode.Site, SiteNoiseMultiplier = 1e-6, SiteClip = 1.0 };
        var strategy = new DifferentialPrivacyStrategy(Inner, options, () => SeededRandomSource.ForTest(7));
        var global = Models.Weights(0, 0, 0);
        var results = new[]
        {
            new FitResult(Models.Site("a"), Models.Weights(1000, -1000, 1000), 10, 0.1),
            new FitResult(Models.Site("b"), Models.Weights(0, 0, 0), 10, 0.1),
        };
        var failures = new[] { new SiteFailure(Models.Site("c"), "Fit", "node terminated") };

        var outcome = strategy.AggregateFit(Round1, global, results, failures);

        Assert.True(outcome.Updated);
        Assert.InRange(L2Clipping.Norm(outcome.Weights.Flat), 1.0 / 3 - 1e-4, 1.0 / 3 + 1e-4);
    }

    [Fact]
    public void Site_level_noise_has_the_calibrated_scale()
    {
        var options = new PrivacyOptions { Mode = DpMode.Site, SiteNoiseMultiplier = 2.0, SiteClip = 0.5 };
        var strategy = new DifferentialPrivacyStrategy(Inner, options, () => SeededRandomSource.ForTest(11));
        var global = Core.Weights.ModelWeights.Zeros([new Core.Weights.TensorSpec("w", [20_000])]);
        var results = new[] { new FitResult(Models.Site("a"), global, 10, 0.1), new FitResult(Models.Site("b"), global, 10, 0.1) };

        var values = strategy.AggregateFit(Round1, global, results, []).Weights.Flat.ToArray();

        var std = Math.Sqrt(values.Average(v => (double)v * v));
        Assert.InRange(std, 0.97 * (2.0 * 0.5 / 2), 1.03 * (2.0 * 0.5 / 2));
    }

    [Fact]
    public void Adaptive_clipping_moves_the_clip_towards_the_median_update_norm()
    {
        var options = new PrivacyOptions { Mode = DpMode.Site, SiteNoiseMultiplier = 1.0, SiteClip = 0.1, AdaptiveSiteClip = true };
        var strategy = new DifferentialPrivacyStrategy(Inner, options, () => SeededRandomSource.ForTest(3));
        var global = Models.Weights(0, 0, 0);
        var results = Enumerable.Range(0, 40).Select(i => new FitResult(Models.Site($"s{i}"), Models.Weights(3, 4, 0), 10, 0.1)).ToList();

        for (var round = 0; round < 40; round++)
        {
            strategy.AggregateFit(Round1, global, results, []);
        }

        Assert.InRange(strategy.CurrentSiteClip, 2.5, 10);
    }
}
