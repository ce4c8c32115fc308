using FedHealth.Coordinator.Aggregation;

namespace FedHealth.Coordinator.Tests.Strategies;

public sealed class FedYogiSpecs
{
    private static readonly AdaptiveServerOptimizer Yogi = new(AdaptiveRule.Yogi, learningRate: 0.1, beta1: 0.9, beta2: 0.99, tau: 0.1);

    [Fact]
    public void The_first_step_matches_the_paper_by_hand()
    {
        // τ² = 0.01 < Δ² so sign(v − Δ²) = −1 and v = 0.01 + 0.01·Δ² = 0.02; x += 0.1·0.1 / (√0.02 + 0.1).
        var step = Yogi.Step(ServerOptimizerState.Initial, [0.5f], [1f]);

        Assert.Equal(0.02, step.State.SecondMoment[0], 1e-7);
        Assert.Equal(0.5 + (0.01 / (Math.Sqrt(0.02) + 0.1)), step.Weights[0], 1e-6);
    }

    [Fact]
    public void The_second_moment_shrinks_additively_when_it_exceeds_the_squared_update()
    {
        // Adam would multiply v by β₂; Yogi subtracts (1 − β₂)·Δ² because v > Δ².
        var state = new ServerOptimizerState(1, [0f], [4f]);

        var step = Yogi.Step(state, [0f], [1f]);

        Assert.Equal(4 - 0.01, step.State.SecondMoment[0], 1e-6);
    }

    [Fact]
    public void Three_rounds_match_a_plain_implementation_of_the_paper()
    {
        var expected = AdaptiveReference.Run("yogi", 0.1, 0.9, 0.99, 0.1, [0.5, -0.5, 2.0], AdaptiveReference.ThreeRounds);

        var actual = AdaptiveReference.RunKernel(Yogi, [0.5f, -0.5f, 2.0f], AdaptiveReference.ThreeRounds);

        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-5);
        }
    }
}
