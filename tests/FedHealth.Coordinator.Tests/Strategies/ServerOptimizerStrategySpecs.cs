using FedHealth.Coordinator.Aggregation;
using FedHealth.Coordinator.Privacy;
using FedHealth.Coordinator.Strategies;
using FedHealth.Coordinator.Tests.Support;
using FedHealth.Core.Ids;
using FedHealth.Core.Options;
using FedHealth.Core.Strategy;
using FedHealth.Privacy.Sampling;

namespace FedHealth.Coordinator.Tests.Strategies;

public sealed class ServerOptimizerStrategySpecs
{
    private static readonly RoundContext Round1 = new(new StudyId("s"), 1, 42, [Models.Site("a"), Models.Site("b")]);
    private static readonly FedAvgOptions Options = new(Models.Config);
    private static readonly AdaptiveServerOptimizer Adam = new(AdaptiveRule.Adam, 0.1, 0.9, 0.99, 1e-3);

    private static readonly FitResult[] Results =
    [
        new(Models.Site("a"), Models.Weights(1, 2, 3), 10, 1.0),
        new(Models.Site("b"), Models.Weights(4, 5, 6), 30, 3.0),
    ];

    [Fact]
    public void The_pseudo_gradient_is_the_example_weighted_mean_update()
    {
        var strategy = new ServerOptimizerStrategy(Options, Adam);
        var global = Models.Weights(1, 1, 1);

        var outcome = strategy.AggregateFit(Round1, global, Results, []);

        // The FedAvg mean is (3.25, 4.25, 5.25), so Δ = (2.25, 3.25, 4.25).
        var expected = Adam.Step(ServerOptimizerState.Initial, global.Flat, [2.25f, 3.25f, 4.25f]);
        Assert.Equal(expected.Weights, outcome.Weights.Flat.ToArray());
        Assert.Equal(2.5, outcome.TrainLoss, 10);
        Assert.Equal(1, strategy.State.Step);
        Assert.Equal(expected.State.FirstMoment.ToArray(), strategy.State.FirstMoment.ToArray());
    }

    [Fact]
    public void A_secure_sum_takes_the_same_step_from_its_mean_update()
    {
        var strategy = new ServerOptimizerStrategy(Options, Adam);
        var global = Models.Weights(1, 1, 1);

        var outcome = strategy.AggregateSecureSum(Round1, global, new SecureSum([2.25f, 3.25f, 4.25f], 40, [Models.Site("a"), Models.Site("b")]));

        Assert.Equal(Adam.Step(ServerOptimizerState.Initial, global.Flat, [2.25f, 3.25f, 4.25f]).Weights, outcome.Weights.Flat.ToArray());
        Assert.True(double.IsNaN(outcome.TrainLoss));
    }

    [Fact]
    public void A_round_with_nothing_to_aggregate_keeps_the_model_and_the_moments()
    {
        var strategy = new ServerOptimizerStrategy(Options, Adam);
        var global = Models.Weights(1, 1, 1);

        var outcome = strategy.AggregateFit(Round1, global, [], [new SiteFailure(Models.Site("a"), "Fit", "timed out")]);

        Assert.False(outcome.Updated);
        Assert.Same(global, outcome.Weights);
        Assert.Same(ServerOptimizerState.Initial, strategy.State);
    }

    [Fact]
    public void A_strategy_restored_from_a_saved_state_continues_where_the_first_left_off()
    {
        var first = new ServerOptimizerStrategy(Options, Adam);
        var afterOne = first.AggregateFit(Round1, Models.Weights(1, 1, 1), Results, []).Weights;
        var saved = first.State;
        var continued = first.AggregateFit(Round1 with { Round = 2 }, afterOne, Results, []).Weights;

        var restored = new ServerOptimizerStrategy(Options, Adam, saved).AggregateFit(Round1 with { Round = 2 }, afterOne, Results, []).Weights;
        var fresh = new ServerOptimizerStrategy(Options, Adam).AggregateFit(Round1 with { Round = 2 }, afterOne, Results, []).Weights;

        Assert.Equal(2, first.State.Step);
        Assert.Equal(continued, restored);
        Assert.NotEqual(continued, fresh);
    }

    [Fact]
    public void Under_site_level_dp_the_optimiser_steps_on_the_noised_mean()
    {
        // The same seeded noise twice: FedAvg inside the decorator releases global + noisy mean, so
        // the noisy mean is recoverable, and FedAdam inside it must have stepped on exactly that.
        var privacy = new PrivacyOptions { Mode = DpMode.Site, SiteNoiseMultiplier = 0.5, SiteClip = 1.0 };
        var global = Models.Weights(0, 0, 0);
        var averaged = new DifferentialPrivacyStrategy(new FedAvg(Options), privacy, () => SeededRandomSource.ForTest(3))
            .AggregateFit(Round1, global, Results, []);
        var noisyMean = averaged.Weights.Flat.ToArray();

        var adam = new ServerOptimizerStrategy(Options, Adam);
        var stepped = new DifferentialPrivacyStrategy(adam, privacy, () => SeededRandomSource.ForTest(3))
            .AggregateFit(Round1, global, Results, []);

        Assert.Equal(Adam.Step(ServerOptimizerState.Initial, global.Flat, noisyMean).Weights, stepped.Weights.Flat.ToArray());
        Assert.Equal(1, adam.State.Step);
        Assert.Equal(2.0, stepped.TrainLoss, 10);
    }

    [Fact]
    public void Under_secure_aggregation_with_dp_the_optimiser_steps_on_the_released_mean()
    {
        var privacy = new PrivacyOptions { Mode = DpMode.Record, RecordNoiseMultiplier = 1, RecordSamplingRate = 0.1 };
        var adam = new ServerOptimizerStrategy(Options, Adam);
        var strategy = new DifferentialPrivacyStrategy(adam, privacy, () => new OsRandomSource());
        var global = Models.Weights(0, 0, 0);

        var outcome = strategy.AggregateSecureSum(Round1, global, new SecureSum([0.5f, -0.5f, 1f], 2, [Models.Site("a"), Models.Site("b")]));

        Assert.Equal(Adam.Step(ServerOptimizerState.Initial, global.Flat, [0.5f, -0.5f, 1f]).Weights, outcome.Weights.Flat.ToArray());
        Assert.Equal("fedadam+dp-record", strategy.Name);
    }
}
