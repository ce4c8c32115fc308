using FedHealth.Coordinator.Aggregation;

namespace FedHealth.Coordinator.Tests.Strategies;

public sealed class FedAdamSpecs
{
    private static readonly AdaptiveServerOptimizer Adam = new(AdaptiveRule.Adam, learningRate: 0.1, beta1: 0.9, beta2: 0.99, tau: 0.1);

    [Fact]
    public void The_first_step_matches_the_paper_by_hand()
    {
        // m = 0.1·Δ; v = 0.99·τ² + 0.01·Δ² = 0.0199 and 0.0499; x += 0.1·m / (√v + 0.1).
        var step = Adam.Step(ServerOptimizerState.Initial, [0.5f, -0.5f], [1f, -2f]);

        Assert.Equal(0.5 + (0.01 / (Math.Sqrt(0.0199) + 0.1)), step.Weights[0], 1e-6);
        Assert.Equal(-0.5 - (0.02 / (Math.Sqrt(0.0499) + 0.1)), step.Weights[1], 1e-6);
        Assert.Equal(1, step.State.Step);
        Assert.Equal([0.1f, -0.2f], step.State.FirstMoment.ToArray());
        Assert.Equal(0.0199, step.State.SecondMoment[0], 1e-7);
        Assert.Equal(0.0499, step.State.SecondMoment[1], 1e-7);
    }

    [Fact]
    public void Three_rounds_match_a_plain_implementation_of_the_paper()
    {
        var expected = AdaptiveReference.Run("adam", 0.1, 0.9, 0.99, 0.1, [0.5, -0.5, 2.0], AdaptiveReference.ThreeRounds);

        var actual = AdaptiveReference.RunKernel(Adam, [0.5f, -0.5f, 2.0f], AdaptiveReference.ThreeRounds);

        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-5);
        }
    }

    [Fact]
    public void A_zero_update_from_the_start_leaves_the_model_where_it_is()
    {
        var step = Adam.Step(ServerOptimizerState.Initial, [0.5f, -0.5f], [0f, 0f]);

        Assert.Equal([0.5f, -0.5f], step.Weights);
    }

    [Fact]
    public void A_state_of_another_length_is_refused_as_a_layout_change()
    {
        var state = Adam.Step(ServerOptimizerState.Initial, [0.5f, -0.5f], [1f, 1f]).State;

        var error = Assert.Throws<ArgumentException>(() => Adam.Step(state, [1f, 2f, 3f], [1f, 1f, 1f]));

        Assert.Contains("layout changed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_finite_mean_update_is_refused_before_it_poisons_the_moments()
    {
        Assert.Throws<ArgumentException>(() => Adam.Step(ServerOptimizerState.Initial, [0f, 0f], [float.NaN, 1f]));
    }

    [Theory]
    [InlineData(0.0, 0.9, 0.99, 1e-3)]
    [InlineData(0.1, 1.0, 0.99, 1e-3)]
    [InlineData(0.1, 0.9, -0.1, 1e-3)]
    [InlineData(0.1, 0.9, 0.99, 0.0)]
    public void Out_of_range_hyperparameters_are_refused(double eta, double beta1, double beta2, double tau)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveServerOptimizer(AdaptiveRule.Adam, eta, beta1, beta2, tau));
    }
}
